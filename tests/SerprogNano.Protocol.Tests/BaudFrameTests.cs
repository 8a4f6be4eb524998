namespace SerprogNano.Protocol.Tests
{
    /// <summary>O_NANO_SET_BAUD against protocol/EXTENSIONS.md, written out byte by byte.</summary>
    [TestClass]
    public sealed class BaudFrameTests
    {
        private const int At = 1; // behind the opcode

        [TestMethod]
        public void Parameters_are_the_rate_as_u32_little_endian()
        {
            // 4,000,000 baud = 0x003D0900.
            byte[] expected = { 0, 0x00, 0x09, 0x3D, 0x00 };
            var frame = new byte[expected.Length];

            SerprogNanoFrames.WriteBaudParameters(frame, At, 4000000);

            CollectionAssert.AreEqual(expected, frame);
            Assert.AreEqual(4000000u, SerprogNanoFrames.BaudRate(frame, At));
        }

        [TestMethod]
        public void The_table_has_four_parameter_bytes_and_a_bare_ack()
        {
            Assert.AreEqual("O_NANO_SET_BAUD", SerprogCommandTable.NameOf(SerprogNanoOpcode.SetBaudRate));
            Assert.AreEqual(4, SerprogCommandTable.ParameterLength(SerprogNanoOpcode.SetBaudRate));
            Assert.AreEqual(0, SerprogCommandTable.ReplyLength(SerprogNanoOpcode.SetBaudRate));
            Assert.IsFalse(SerprogCommandTable.HasVariableData(SerprogNanoOpcode.SetBaudRate));
            Assert.IsTrue(SerprogCommandTable.IsExtension(SerprogNanoOpcode.SetBaudRate));
        }

        [TestMethod]
        [DataRow(2000000, 1)]
        [DataRow(115200, 12)]
        [DataRow(9600, 135)]
        public void The_drain_before_a_switch_is_a_fifo_and_a_byte_at_the_old_rate(int baudRate, int milliseconds)
        {
            Assert.AreEqual(milliseconds, SerprogNanoExtensions.BaudDrainMilliseconds(baudRate));
            Assert.AreEqual(milliseconds + SerprogNanoExtensions.BaudSwitchMilliseconds, SerprogNanoExtensions.BaudSwitchWaitMilliseconds(baudRate));
        }
    }
}
