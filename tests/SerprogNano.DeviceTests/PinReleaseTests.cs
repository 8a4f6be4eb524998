using System.Device.Gpio;
using nanoFramework.TestFramework;

namespace SerprogNano.DeviceTests
{
    /// <summary>S_PIN_STATE: released lines are inputs (the target's chipset may own its flash), driven ones are not.</summary>
    [TestClass]
    public class PinReleaseTests
    {
        [TestMethod]
        public void Released_MOSI_CLK_and_every_CS_are_inputs()
        {
            TestBench.Spi.Drive();
            TestBench.Spi.Release();

            Assert.IsTrue(TestBench.Gpio.GetPinMode(TestBench.Board.MosiPin) == PinMode.Input, "MOSI");
            Assert.IsTrue(TestBench.Gpio.GetPinMode(TestBench.Board.ClockPin) == PinMode.Input, "CLK");
            for (int i = 0; i < TestBench.Board.ChipSelectPins.Length; i++)
            {
                Assert.IsTrue(TestBench.Gpio.GetPinMode(TestBench.Board.ChipSelectPins[i]) == PinMode.Input, "CS" + i.ToString());
            }
        }

        [TestMethod]
        public void Driven_lines_belong_to_SPI_and_CS_idles_high()
        {
            TestBench.Spi.Drive();

            Assert.IsFalse(TestBench.Gpio.IsPinOpen(TestBench.Board.MosiPin), "MOSI still a GPIO");
            Assert.IsFalse(TestBench.Gpio.IsPinOpen(TestBench.Board.ClockPin), "CLK still a GPIO");
            for (int i = 0; i < TestBench.Board.ChipSelectPins.Length; i++)
            {
                int pin = TestBench.Board.ChipSelectPins[i];
                Assert.IsTrue(TestBench.Gpio.GetPinMode(pin) == PinMode.Output, "CS" + i.ToString() + " mode");
                Assert.IsTrue(TestBench.Gpio.Read(pin).Equals(PinValue.High), "CS" + i.ToString() + " level");
            }

            TestBench.Spi.Release();
        }

        [TestMethod]
        public void Chip_select_follows_the_selected_line_only()
        {
            int last = TestBench.Board.ChipSelectPins.Length - 1;
            TestBench.Spi.Drive();
            TestBench.Spi.SelectChip(last);
            TestBench.Spi.SetChipSelect(true);

            for (int i = 0; i <= last; i++)
            {
                PinValue expected = i == last ? PinValue.Low : PinValue.High;
                Assert.IsTrue(TestBench.Gpio.Read(TestBench.Board.ChipSelectPins[i]).Equals(expected), "CS" + i.ToString());
            }

            TestBench.Spi.SetChipSelect(false);
            TestBench.Spi.SelectChip(0);
            TestBench.Spi.Release();
        }

        [TestMethod]
        public void The_bus_works_again_after_a_release()
        {
            TestBench.Spi.Drive();
            TestBench.Spi.Release();
            TestBench.Spi.Drive();
            byte[] buffer = TestBench.Pattern(64);

            SpiLoopbackTests.Transfer(buffer, true);

            SpiLoopbackTests.AssertBytes(TestBench.Pattern(64), 0, buffer, 0, 64);
            TestBench.Spi.Release();
        }
    }
}
