using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Esp32;
using SerprogNano.Protocol;
using SerprogNano.Firmware.Tests.Harness;

namespace SerprogNano.Firmware.Tests
{
    [TestClass]
    public sealed class BoardProfilesTests
    {
        private const uint ApbClockHz = 80_000_000;
        private const uint LowestEsp32SpiClockHz = 20_000_000 / 256; // nanoFramework's ESP32 SPI minimum

        public static IEnumerable<object[]> Boards => new[]
        {
            new object[] { "ESP32-DevKitC" },
            new object[] { "ESP32-S3-DevKitC-1" },
            new object[] { "ESP32-S3-DevKitC-1, serprog on UART0" },
            new object[] { "ESP32-C3-DevKitM-1" },
        };

        [TestMethod]
        [DynamicData(nameof(Boards))]
        public void No_pin_is_one_the_board_needs_for_itself(string board)
        {
            (BoardProfile profile, Esp32PinRules rules) = Lookup(board);
            foreach ((string role, int pin) in Pins(profile))
            {
                Assert.IsTrue(pin >= 0 && pin <= rules.HighestGpio, role + " GPIO" + pin + " is not a GPIO of the " + rules.Series);
                Assert.DoesNotContain(pin, rules.Flash, role + " GPIO" + pin + " wires the module's flash");
                Assert.DoesNotContain(pin, rules.Strapping, role + " GPIO" + pin + " is a strapping pin");
                Assert.DoesNotContain(pin, rules.NativeUsb, role + " GPIO" + pin + " is the native USB");
                Assert.DoesNotContain(pin, rules.DebuggerUart, role + " GPIO" + pin + " is the debugger's UART0");
            }
        }

        [TestMethod]
        [DynamicData(nameof(Boards))]
        public void Outputs_are_on_pins_that_can_drive_and_no_pin_has_two_jobs(string board)
        {
            (BoardProfile profile, Esp32PinRules rules) = Lookup(board);
            foreach ((string role, int pin) in Pins(profile).Where(p => p.Role != "MISO" && p.Role != "RX"))
            {
                Assert.DoesNotContain(pin, rules.InputOnly, role + " GPIO" + pin + " is input only");
            }

            int[] all = Pins(profile).Select(p => p.Pin).ToArray();
            Assert.HasCount(all.Length, all.Distinct(), "a pin is used twice");
            Assert.IsNotEmpty(profile.ChipSelectPins);
        }

        [TestMethod]
        [DynamicData(nameof(Boards))]
        public void Routing_functions_match_the_bus_and_the_UART(string board)
        {
            (BoardProfile profile, _) = Lookup(board);
            string spi = "SPI" + profile.SpiBusId + "_";
            Assert.AreEqual(spi + "MOSI", profile.MosiFunction.ToString());
            Assert.AreEqual(spi + "MISO", profile.MisoFunction.ToString());
            Assert.AreEqual(spi + "CLOCK", profile.ClockFunction.ToString());
            Assert.AreEqual(profile.SerialPortName + "_TX", profile.SerialTxFunction.ToString());
            Assert.AreEqual(profile.SerialPortName + "_RX", profile.SerialRxFunction.ToString());
            if (board != "ESP32-S3-DevKitC-1, serprog on UART0")
            {
                Assert.AreNotEqual("COM1", profile.SerialPortName, "COM1 is UART0, the debugger's");
            }
        }

        [TestMethod]
        public void The_S3_without_an_adapter_serves_on_its_USB_UART_port_and_says_what_to_plug()
        {
            BoardProfile uart0 = BoardProfiles.Esp32S3DevKitC1Uart0();
            BoardProfile s3 = BoardProfiles.Esp32S3DevKitC1();

            Assert.AreEqual("COM1", uart0.SerialPortName);
            Assert.AreEqual(43, uart0.SerialTxPin, "the DevKitC-1's bridge receives on GPIO43 (U0TXD)");
            Assert.AreEqual(44, uart0.SerialRxPin, "and sends to GPIO44 (U0RXD)");
            StringAssert.Contains(uart0.SerialPortHint, "USB port");
            Assert.AreNotEqual(s3.ProgrammerName, uart0.ProgrammerName, "the host can tell the builds apart");
            Assert.AreEqual((s3.MosiPin, s3.MisoPin, s3.ClockPin, s3.LedPin), (uart0.MosiPin, uart0.MisoPin, uart0.ClockPin, uart0.LedPin));
            CollectionAssert.AreEqual(s3.ChipSelectPins, uart0.ChipSelectPins);
        }

        [TestMethod]
        [DynamicData(nameof(Boards))]
        public void Clock_steps_are_exact_APB_divisions_highest_first_within_the_pins_limit(string board)
        {
            (BoardProfile profile, Esp32PinRules rules) = Lookup(board);
            uint[] steps = profile.ClockSteps;
            Assert.IsNotEmpty(steps);
            Assert.IsLessThanOrEqualTo(rules.MaxClockHz, steps[0]);
            Assert.IsGreaterThanOrEqualTo(LowestEsp32SpiClockHz, steps[^1]);
            for (int i = 0; i < steps.Length; i++)
            {
                uint divider = (uint)Math.Round((double)ApbClockHz / steps[i]);
                Assert.AreEqual(ApbClockHz / divider, steps[i], steps[i] + " Hz is not 80 MHz / n");
                if (i > 0)
                {
                    Assert.IsLessThan(steps[i - 1], steps[i], "steps must fall");
                }
            }

            CollectionAssert.Contains(steps, profile.DefaultClockHz);
        }

        [TestMethod]
        [DynamicData(nameof(Boards))]
        public void The_programmer_name_fits_Q_PGMNAME(string board)
        {
            (BoardProfile profile, _) = Lookup(board);
            Assert.IsLessThanOrEqualTo(16, profile.ProgrammerName.Length);
            Assert.IsTrue(profile.ProgrammerName.All(c => c >= 0x20 && c <= 0x7E), "printable ASCII only");
            Assert.IsGreaterThan(0, profile.BaudRate);
        }

        [TestMethod]
        [DynamicData(nameof(Boards))]
        public void The_boot_rate_is_one_O_NANO_SET_BAUD_may_return_to(string board)
        {
            (BoardProfile profile, _) = Lookup(board);
            Assert.IsGreaterThanOrEqualTo(SerprogNanoExtensions.MinBaudRate, profile.BaudRate);
            Assert.IsLessThanOrEqualTo(5000000, profile.MaxBaudRate, "an ESP32 UART on the 80 MHz APB clock divides it by 16 at least");
            Assert.IsGreaterThanOrEqualTo(profile.BaudRate, profile.MaxBaudRate);
        }

        [TestMethod]
        public void A_build_without_a_board_symbol_is_for_the_ESP32_DevKitC()
        {
            Assert.AreEqual(BoardProfiles.Esp32DevKitC().Name, BoardProfiles.Selected.Name);
        }

        private static (BoardProfile Profile, Esp32PinRules Rules) Lookup(string board) => board switch
        {
            "ESP32-DevKitC" => (BoardProfiles.Esp32DevKitC(), Esp32PinRules.Esp32),
            "ESP32-S3-DevKitC-1" => (BoardProfiles.Esp32S3DevKitC1(), Esp32PinRules.Esp32S3),
            // The debugger is on native USB there (its pins stay forbidden), so UART0 is serprog's.
            "ESP32-S3-DevKitC-1, serprog on UART0" => (BoardProfiles.Esp32S3DevKitC1Uart0(), Esp32PinRules.Esp32S3 with { DebuggerUart = new int[0] }),
            "ESP32-C3-DevKitM-1" => (BoardProfiles.Esp32C3DevKitM1(), Esp32PinRules.Esp32C3),
            _ => throw new ArgumentOutOfRangeException(nameof(board), board, "no such board"),
        };

        private static IEnumerable<(string Role, int Pin)> Pins(BoardProfile profile)
        {
            yield return ("MOSI", profile.MosiPin);
            yield return ("MISO", profile.MisoPin);
            yield return ("CLK", profile.ClockPin);
            for (int i = 0; i < profile.ChipSelectPins.Length; i++)
            {
                yield return ("CS" + i, profile.ChipSelectPins[i]);
            }

            if (profile.LedPin >= 0)
            {
                yield return ("LED", profile.LedPin);
            }

            yield return ("TX", profile.SerialTxPin);
            yield return ("RX", profile.SerialRxPin);
        }
    }
}
