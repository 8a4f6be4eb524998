namespace SerprogNano.Protocol.Tests
{
    /// <summary>The shared protocol table and codec against serprog-protocol.txt.</summary>
    [TestClass]
    public sealed class ProtocolTests
    {
        [TestMethod]
        public void Little_endian_round_trips_at_an_offset()
        {
            var buffer = new byte[8];
            LittleEndian.WriteUInt16(buffer, 1, 0xBEEF);
            Assert.AreEqual(0xBEEF, LittleEndian.ReadUInt16(buffer, 1));
            CollectionAssert.AreEqual(new byte[] { 0, 0xEF, 0xBE, 0, 0, 0, 0, 0 }, buffer);
            LittleEndian.WriteUInt24(buffer, 2, 0xABCDEF);
            Assert.AreEqual(0xABCDEF, LittleEndian.ReadUInt24(buffer, 2));
            Assert.AreEqual(0xEF, buffer[2]);
            LittleEndian.WriteUInt32(buffer, 4, 0xF1E2D3C4);
            Assert.AreEqual(0xF1E2D3C4u, LittleEndian.ReadUInt32(buffer, 4));
            Assert.AreEqual(0xC4, buffer[4]);
        }

        [TestMethod]
        public void Maximum_length_zero_means_two_to_the_24()
        {
            Assert.AreEqual(1 << 24, LittleEndian.DecodeMaxLength(0));
            Assert.AreEqual(0, LittleEndian.EncodeMaxLength(1 << 24));
            Assert.AreEqual(4096, LittleEndian.DecodeMaxLength(LittleEndian.EncodeMaxLength(4096)));
        }

        [TestMethod]
        [DataRow(0x00, 0, 0)]
        [DataRow(0x01, 0, 2)]
        [DataRow(0x02, 0, 32)]
        [DataRow(0x03, 0, 16)]
        [DataRow(0x04, 0, 2)]
        [DataRow(0x05, 0, 1)]
        [DataRow(0x08, 0, 3)]
        [DataRow(0x09, 3, 1)]
        [DataRow(0x0C, 4, 0)]
        [DataRow(0x0E, 4, 0)]
        [DataRow(0x10, 0, 0)]
        [DataRow(0x11, 0, 3)]
        [DataRow(0x12, 1, 0)]
        [DataRow(0x13, 6, SerprogCommandTable.Variable)]
        [DataRow(0x14, 4, 4)]
        [DataRow(0x15, 1, 0)]
        [DataRow(0x16, 1, 0)]
        [DataRow(0x17, 1, 0)]
        [DataRow(0x18, 1, 0)]
        public void Command_table_matches_the_spec(int opcode, int parameters, int reply)
        {
            Assert.AreEqual(parameters, SerprogCommandTable.ParameterLength(opcode));
            Assert.AreEqual(reply, SerprogCommandTable.ReplyLength(opcode));
        }

        [TestMethod]
        public void Names_follow_the_spec()
        {
            Assert.AreEqual("O_SPIOP", SerprogCommandTable.NameOf(SerprogOpcode.SpiOperation));
            Assert.AreEqual("S_CS_MODE", SerprogCommandTable.NameOf(SerprogOpcode.SetChipSelectMode));
            Assert.AreEqual("0x19", SerprogCommandTable.NameOf(0x19));
            Assert.IsTrue(SerprogCommandTable.HasVariableData(SerprogOpcode.SpiOperation));
            Assert.IsFalse(SerprogCommandTable.HasVariableData(SerprogOpcode.SetSpiFrequency));
        }

        [TestMethod]
        public void Command_map_bit_n_is_bit_n_mod_8_of_byte_n_div_8()
        {
            var map = new byte[33];
            CommandMap.Set(map, 1, 0x13);
            Assert.AreEqual(0x08, map[1 + 2]);
            Assert.IsTrue(CommandMap.IsSet(map, 1, 0x13));
            Assert.IsFalse(CommandMap.IsSet(map, 1, 0x12));
        }
    }
}
