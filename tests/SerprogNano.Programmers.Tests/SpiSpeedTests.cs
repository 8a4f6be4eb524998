namespace SerprogNano.Programmers.Tests
{
    /// <summary>spispeed= as flashprog's serprog reads it: strtol base 0 in Hz, one optional k or M suffix.</summary>
    [TestClass]
    public sealed class SpiSpeedTests
    {
        [TestMethod]
        [DataRow("16M", 16_000_000u)]
        [DataRow("16m", 16_000_000u)]
        [DataRow("500k", 500_000u)]
        [DataRow("500K", 500_000u)]
        [DataRow("8000000", 8_000_000u)]
        [DataRow("0x10", 16u)]
        [DataRow("0x10M", 16_000_000u)]
        [DataRow("010", 8u)]
        [DataRow("1", 1u)]
        public void Parses_like_flashprog(string text, uint hz)
        {
            Assert.AreEqual(hz, SpiSpeed.Parse(text));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("fast")]
        [DataRow("16MHz")]
        [DataRow("16G")]
        [DataRow("0")]
        [DataRow("-5")]
        [DataRow("5000M")]
        [DataRow("09")]
        public void Refuses_what_flashprog_refuses_and_zero(string text)
        {
            var e = Assert.ThrowsExactly<SpiSpeedException>(() => SpiSpeed.Parse(text));
            Assert.AreEqual(text, e.Value);
            Assert.AreEqual("spispeed=" + text + " " + e.Problem, e.Message);
        }

        [TestMethod]
        [DataRow(16_000_000u, "16 MHz")]
        [DataRow(500_000u, "500 kHz")]
        [DataRow(12_345u, "12345 Hz")]
        public void Formats_for_people(uint hz, string text)
        {
            Assert.AreEqual(text, SpiSpeed.Format(hz));
        }
    }
}
