using SerprogNano.Esp32;

namespace SerprogNano.Firmware.Tests
{
    [TestClass]
    public sealed class ClockStepTableTests
    {
        private static readonly uint[] Steps = { 40_000_000, 20_000_000, 8_000_000, 100_000 };

        [TestMethod]
        [DataRow(40_000_000u, 40_000_000u)]
        [DataRow(uint.MaxValue, 40_000_000u)]
        [DataRow(39_999_999u, 20_000_000u)]
        [DataRow(16_000_000u, 8_000_000u)]
        [DataRow(100_000u, 100_000u)]
        [DataRow(99_999u, 100_000u)]
        [DataRow(1u, 100_000u)]
        public void Grants_the_highest_step_at_or_below_the_request_else_the_lowest(uint requested, uint granted)
        {
            Assert.AreEqual(granted, ClockStepTable.Select(Steps, requested));
        }
    }
}
