using nanoFramework.TestFramework;

namespace SerprogNano.DeviceTests
{
    /// <summary>S_SPI_FREQ: every step is granted as itself, and data still loops back at it.</summary>
    [TestClass]
    public class FrequencyStepTests
    {
        [TestMethod]
        public void Every_step_is_granted_and_carries_data()
        {
            uint[] steps = TestBench.Board.ClockSteps;
            TestBench.Spi.Drive();
            for (int i = 0; i < steps.Length; i++)
            {
                Assert.AreEqual(steps[i], TestBench.Spi.SetFrequency(steps[i]), "step " + steps[i].ToString());
                byte[] buffer = TestBench.Pattern(128);
                SpiLoopbackTests.Transfer(buffer, true);
                SpiLoopbackTests.AssertBytes(TestBench.Pattern(128), 0, buffer, 0, 128);
            }

            TestBench.Spi.SetFrequency(TestBench.Board.DefaultClockHz);
            TestBench.Spi.Release();
        }

        [TestMethod]
        public void Requests_between_steps_get_the_step_below_and_too_low_gets_the_lowest()
        {
            uint[] steps = TestBench.Board.ClockSteps;
            uint lowest = steps[steps.Length - 1];

            Assert.AreEqual(steps[1], TestBench.Spi.SetFrequency(steps[0] - 1), "just below the highest");
            Assert.AreEqual(lowest, TestBench.Spi.SetFrequency(1), "below the lowest");
            Assert.AreEqual(TestBench.Board.DefaultClockHz, TestBench.Spi.SetFrequency(TestBench.Board.DefaultClockHz), "default");
        }
    }
}
