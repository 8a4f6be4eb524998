using System.Text;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>The query commands of the SPI programmer set, each against the spec's reply format.</summary>
    [TestClass]
    public sealed class QueryCommandTests
    {
        [TestMethod]
        public void Nop_is_acknowledged()
        {
            using var engine = RecordingEngine.Start();
            CollectionAssert.AreEqual(new[] { SerprogReply.Ack }, engine.Command(SerprogOpcode.Nop, 0));
            engine.AssertInSync();
        }

        [TestMethod]
        public void Interface_version_is_one()
        {
            using var engine = RecordingEngine.Start();
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 1, 0 }, engine.Command(SerprogOpcode.QueryInterface, 2));
        }

        [TestMethod]
        public void Command_map_lists_exactly_the_spi_programmer_set()
        {
            using var engine = RecordingEngine.Start();
            byte[] reply = engine.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength);
            EngineHarness.AssertAck(reply[0]);
            byte[] expected = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18 };
            for (int opcode = 0; opcode < 256; opcode++)
            {
                bool supported = System.Array.IndexOf(expected, (byte)opcode) >= 0;
                Assert.AreEqual(supported, CommandMap.IsSet(reply, 1, (byte)opcode), SerprogCommandTable.NameOf(opcode));
            }
        }

        [TestMethod]
        public void Programmer_name_is_nul_padded_to_sixteen_bytes()
        {
            using var engine = RecordingEngine.Start(new EngineSettings { ProgrammerName = "ESP32 serprog" });
            byte[] reply = engine.Command(SerprogOpcode.QueryProgrammerName, 16);
            Assert.AreEqual("ESP32 serprog", Encoding.ASCII.GetString(reply, 1, 13));
            CollectionAssert.AreEqual(new byte[3], reply[14..]);
        }

        [TestMethod]
        public void Programmer_name_longer_than_sixteen_characters_is_cut()
        {
            using var engine = RecordingEngine.Start(new EngineSettings { ProgrammerName = "0123456789abcdefXYZ" });
            byte[] reply = engine.Command(SerprogOpcode.QueryProgrammerName, 16);
            Assert.AreEqual("0123456789abcdef", Encoding.ASCII.GetString(reply, 1, 16));
            engine.AssertInSync();
        }

        [TestMethod]
        public void Serial_buffer_size_is_reported_little_endian()
        {
            using var engine = RecordingEngine.Start(new EngineSettings { SerialBufferSize = 0x1234 });
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0x34, 0x12 }, engine.Command(SerprogOpcode.QuerySerialBuffer, 2));
        }

        [TestMethod]
        public void Bus_type_is_spi_only()
        {
            using var engine = RecordingEngine.Start();
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, BusType.Spi }, engine.Command(SerprogOpcode.QueryBusType, 1));
        }

        [TestMethod]
        public void Maximum_lengths_are_u24_with_two_to_the_24_as_zero()
        {
            using var engine = RecordingEngine.Start(new EngineSettings { MaxWriteLength = 4096, MaxReadLength = SerprogLimits.MaxLength24 });
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0x00, 0x10, 0x00 }, engine.Command(SerprogOpcode.QueryWriteNMaxLength, 3));
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0, 0, 0 }, engine.Command(SerprogOpcode.QueryReadNMaxLength, 3));
        }

        [TestMethod]
        public void Syncnop_answers_nak_then_ack()
        {
            using var engine = RecordingEngine.Start();
            engine.AssertInSync();
            engine.AssertInSync();
        }

        [TestMethod]
        public void Opcodes_outside_the_set_get_nak_and_consume_nothing()
        {
            using var engine = RecordingEngine.Start();
            byte[] unsupported = { 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x19, 0x20, 0x7F, 0x80, 0xFF };
            foreach (byte opcode in unsupported)
            {
                EngineHarness.AssertNak(engine.Status(opcode));
                engine.AssertInSync();
            }
        }
    }
}
