using System;
using System.Device.Gpio;
using nanoFramework.TestFramework;

namespace SerprogNano.DeviceTests
{
    /// <summary>
    /// S_PIN_STATE: released lines are inputs (the target's chipset may own its flash), driven ones are not.
    /// Released MOSI and CLK are no GPIOs at all (the freed SPI bus leaves them plain inputs): a GPIO would
    /// take an interrupt on every edge the chipset clocks.
    /// </summary>
    [TestClass]
    public class PinReleaseTests
    {
        [TestMethod]
        public void Released_MOSI_and_CLK_are_no_gpios_and_every_CS_is_an_input()
        {
            TestBench.Spi.Drive();
            TestBench.Spi.Release();

            Assert.IsFalse(TestBench.Gpio.IsPinOpen(TestBench.Board.MosiPin), "MOSI neither SPI's nor a GPIO");
            Assert.IsFalse(TestBench.Gpio.IsPinOpen(TestBench.Board.ClockPin), "CLK neither SPI's nor a GPIO");
            for (int i = 0; i < TestBench.Board.ChipSelectPins.Length; i++)
            {
                Assert.IsTrue(TestBench.Gpio.GetPinMode(TestBench.Board.ChipSelectPins[i]) == PinMode.Input, "CS" + i.ToString());
            }
        }

        /// <remarks>
        /// The SPI bus reserves MOSI, MISO and CLK while it is open (nf-interpreter src/System.Device.Spi/
        /// nanoHAL_Spi.cpp, nanoSPI_ReserveBusPins), so IsPinOpen reads true for them, yet they are no longer
        /// GPIOs of the controller: GetPinMode finds no pin. CS levels are not read back here: on an ESP32 an
        /// output-only pad has no input path and gpio_get_level reads 0 (ESP-IDF gpio_get_level). The CS levels
        /// are proven by a chip that answers on CS0 only, on the virtual ESP32 (tests/SerprogNano.VirtualEsp32.Tests).
        /// </remarks>
        [TestMethod]
        public void Driven_lines_belong_to_SPI_and_every_CS_is_an_output()
        {
            TestBench.Spi.Drive();

            Assert.IsTrue(TestBench.Gpio.IsPinOpen(TestBench.Board.MosiPin), "MOSI reserved by the SPI bus");
            Assert.IsTrue(TestBench.Gpio.IsPinOpen(TestBench.Board.ClockPin), "CLK reserved by the SPI bus");
            Assert.ThrowsException(typeof(InvalidOperationException), () => TestBench.Gpio.GetPinMode(TestBench.Board.MosiPin), "MOSI still a GPIO");
            Assert.ThrowsException(typeof(InvalidOperationException), () => TestBench.Gpio.GetPinMode(TestBench.Board.ClockPin), "CLK still a GPIO");
            for (int i = 0; i < TestBench.Board.ChipSelectPins.Length; i++)
            {
                Assert.IsTrue(TestBench.Gpio.GetPinMode(TestBench.Board.ChipSelectPins[i]) == PinMode.Output, "CS" + i.ToString() + " mode");
            }

            TestBench.Spi.Release();
        }

        [TestMethod]
        public void Released_lines_can_be_driven_and_released_again_many_times()
        {
            // Each S_PIN_STATE cycle opens and frees the SPI bus: a leaked reservation would show as an
            // InvalidOperationException (pin already reserved) when the bus opens again.
            for (int i = 0; i < 20; i++)
            {
                TestBench.Spi.Drive();
                TestBench.Spi.Release();
            }

            Assert.IsFalse(TestBench.Gpio.IsPinOpen(TestBench.Board.MosiPin), "MOSI");
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
