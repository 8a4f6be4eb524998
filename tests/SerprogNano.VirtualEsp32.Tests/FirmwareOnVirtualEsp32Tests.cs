using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>
    /// The ESP32 firmware on nanoFramework's real interpreter with the real GPIO, SPI and serial natives (the
    /// virtual ESP32 of ../shared/tools/nanoclr), driven through its UART's pty by Debian's flashrom and by our
    /// serprog CLI. Each test runs its own firmware process; --save shows what the chip holds at the end.
    /// </summary>
    [TestClass]
    public sealed partial class FirmwareOnVirtualEsp32Tests
    {
        private const int ChipSize = 8 * 1024 * 1024;
        private const string Chip = Flashrom.W25Q64;

        public TestContext TestContext { get; set; } = null!;

        private string Directory => TestContext.TestRunResultsDirectory ?? Path.GetTempPath();

        [TestMethod]
        public void Flashrom_probes_reads_and_writes_8_MiB()
        {
            string start = Flashrom.RandomImage(Directory, ChipSize, seed: 101);
            string image = Flashrom.RandomImage(Directory, ChipSize, seed: 102);
            string read = Fresh("esp32-flashrom-read.bin");
            string saved = Fresh("esp32-flashrom-saved.bin");
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--image", start, "--save", saved);
            var flashrom = new Flashrom(esp32.FlashromProgrammer);

            StringAssert.Contains(flashrom.Probe().Output, $"Found Winbond flash chip \"{Chip}\" (8192 kB, SPI) on serprog.");
            flashrom.Read(read, Chip);
            CollectionAssert.AreEqual(File.ReadAllBytes(start), File.ReadAllBytes(read), "the 8 MiB read is the chip's image");
            flashrom.Write(image, Chip);

            esp32.StopAndAssertHealthy();
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(saved), "the chip holds the written image");
        }

        [TestMethod]
        public void The_serprog_cli_reads_writes_and_verifies_8_MiB()
        {
            string start = Flashrom.RandomImage(Directory, ChipSize, seed: 103);
            string image = Flashrom.RandomImage(Directory, ChipSize, seed: 104);
            string read = Fresh("esp32-cli-read.bin");
            string saved = Fresh("esp32-cli-saved.bin");
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--image", start, "--save", saved);

            Cli($"read \"{read}\" -p {esp32.CliProgrammer} -c \"{Chip}\"", "Saved 8388608 bytes");
            CollectionAssert.AreEqual(File.ReadAllBytes(start), File.ReadAllBytes(read), "the 8 MiB read is the chip's image");
            Cli($"write \"{image}\" --no-backup -p {esp32.CliProgrammer} -c \"{Chip}\"", "VERIFIED");
            Cli($"verify \"{image}\" -p {esp32.CliProgrammer} -c \"{Chip}\"", "VERIFIED");

            esp32.StopAndAssertHealthy();
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(saved), "the chip holds the written image");
        }

        /// <summary>
        /// Every client connection drives the lines (S_PIN_STATE 1) and releases them when it ends (S_PIN_STATE 0):
        /// the second one must find MOSI, CLK and CS released and take them again. The trace shows the pads.
        /// </summary>
        [TestMethod]
        public void Two_connections_in_a_row_release_the_lines_and_take_them_again()
        {
            string start = Flashrom.RandomImage(Directory, ChipSize, seed: 105);
            string first = Fresh("esp32-first.bin");
            string second = Fresh("esp32-second.bin");
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--image", start, "--trace");
            var flashrom = new Flashrom(esp32.FlashromProgrammer);

            flashrom.Read(first, Chip);
            string afterFirst = esp32.Errors;
            Cli($"read \"{second}\" -p {esp32.CliProgrammer} -c \"{Chip}\"", "Saved 8388608 bytes");
            esp32.StopAndAssertHealthy();

            CollectionAssert.AreEqual(File.ReadAllBytes(start), File.ReadAllBytes(first), "first connection (flashrom)");
            CollectionAssert.AreEqual(File.ReadAllBytes(start), File.ReadAllBytes(second), "second connection (serprog)");
            string[] connections = { afterFirst, esp32.Errors[afterFirst.Length..] };
            for (int i = 0; i < 2; i++)
            {
                string trace = connections[i];
                int routed = trace.IndexOf("GPIO23 -> SPI-MOSI", StringComparison.Ordinal);
                Assert.IsGreaterThanOrEqualTo(0, routed, $"connection {i + 1}: MOSI routed to SPI");
                string afterUse = trace[routed..];
                StringAssert.Contains(afterUse, "gpio_config GPIO4 mode=in", $"connection {i + 1}: CS released at the end");
                StringAssert.Contains(afterUse, "spi_bus_free SPI3_HOST", $"connection {i + 1}: the bus freed, MOSI and CLK with it");
            }

            AssertMosiAndClockNeverGpios(esp32.Errors);
        }

        /// <summary>
        /// MOSI (GPIO23) and CLK (GPIO18) are SPI's or nobody's: the ESP32's GPIO driver arms an any-edge interrupt on
        /// every pin it configures, so a released CLK opened as a GPIO would interrupt on every edge the chipset clocks.
        /// </summary>
        private static void AssertMosiAndClockNeverGpios(string trace)
        {
            foreach (int pad in new[] { 23, 18 })
            {
                Assert.IsFalse(trace.Contains($"gpio_config GPIO{pad} ", StringComparison.Ordinal), $"GPIO{pad} was configured as a GPIO");
            }
        }

        /// <summary>
        /// SetPinMode(Output) drives /CS low before the firmware can toggle it high (nanoFramework has no way to
        /// latch the level first); the chip must see that pulse with no clock edge in it, so it is no command.
        /// </summary>
        [TestMethod]
        public void The_chip_select_pulse_of_driving_the_lines_has_no_clock_in_it()
        {
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--trace");
            using (var raw = new RawSerprog(esp32.Port))
            {
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId());
            }

            esp32.StopAndAssertHealthy();
            string[] trace = esp32.Errors.Split('\n');
            int output = Array.FindIndex(trace, l => l.Contains("gpio_config GPIO4 mode=out", StringComparison.Ordinal));
            Assert.IsGreaterThanOrEqualTo(0, output, "CS became an output");
            int high = Array.FindIndex(trace, output, l => l.Contains("flash /CS (GPIO4) -> high", StringComparison.Ordinal));
            Assert.IsGreaterThan(output, high, "CS went back high");
            Assert.IsFalse(trace[output..high].Any(l => l.Contains("spi transfer", StringComparison.Ordinal)), "no SPI transfer while CS was low");
            // RDID goes out as one full-duplex transfer: the opcode, then idle bytes (0xFF) while the id comes in.
            Assert.IsTrue(trace.Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, "MOSI 9F FF FF FF  MISO [0-9A-F]{2} EF 40 17")), "the read phase sends idle bytes (0xFF):\n" + string.Join("\n", trace.Where(l => l.Contains("MOSI", StringComparison.Ordinal)).Take(8)));
        }

        /// <summary>The on-device tests' chip-select and clock-step logic, on the real interpreter through serprog.</summary>
        [TestMethod]
        public void Chip_select_follows_the_selected_line_and_frequencies_snap_to_the_steps()
        {
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory);
            using (var raw = new RawSerprog(esp32.Port))
            {
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                Assert.AreEqual(SerprogReply.Ack, raw.SelectChip(1));
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xFF, 0xFF, 0xFF }, raw.ReadJedecId(), "CS1 (GPIO22): no chip there");
                Assert.AreEqual(SerprogReply.Nak, raw.SelectChip(2), "the DevKitC profile has two CS lines");
                Assert.AreEqual(SerprogReply.Ack, raw.SelectChip(0));
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId(), "CS0 (GPIO4): the W25Q64");

                Assert.AreEqual(40_000_000u, raw.SetFrequency(50_000_000), "above the highest step");
                Assert.AreEqual(26_666_666u, raw.SetFrequency(39_999_999), "between steps: the one below");
                Assert.AreEqual(100_000u, raw.SetFrequency(1), "below the lowest: the lowest");
                Assert.AreEqual(0u, raw.SetFrequency(0), "0 Hz is refused");
                Assert.AreEqual(2_000_000u, raw.SetFrequency(2_000_000));
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId(), "data at the new clock (a new SpiDevice)");
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(false));
                Assert.AreEqual(SerprogReply.Nak, raw.ReadJedecId()[0], "no SPI operation on released lines");
            }

            esp32.StopAndAssertHealthy();
        }

        /// <summary>The real ESP32 serial driver: a frame cut short is dropped after the frame time-out, and the link resynchronises.</summary>
        [TestMethod]
        public void A_frame_cut_short_is_dropped_and_the_next_one_served()
        {
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory);
            using (var raw = new RawSerprog(esp32.Port))
            {
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                raw.Send(SerprogOpcode.SpiOperation, 0x01, 0x00); // 3 of the 7 header bytes
                Assert.AreEqual(0, raw.CountArriving(TimeSpan.FromSeconds(2)), "no reply to a partial frame");
                raw.Send(SerprogOpcode.SyncNop);
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Nak, SerprogReply.Ack }, raw.Receive(2, TimeSpan.FromSeconds(10)));
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId());
            }

            esp32.StopAndAssertHealthy();
        }

        /// <summary>
        /// A test-only fault in the board layer (a scratch copy of the firmware whose SPI write throws on a trigger
        /// byte) loses that frame only: the lines are released at once, input is dropped until the link is quiet,
        /// and the firmware goes on serving.
        /// </summary>
        [TestMethod]
        public void An_exception_in_the_board_layer_releases_the_lines_and_the_firmware_keeps_serving()
        {
            const byte Trigger = 0xA5; // no 25xx command, so no client sends it
            string start = Flashrom.RandomImage(Directory, ChipSize, seed: 106);
            string read = Fresh("esp32-after-fault.bin");
            using var copy = new FirmwareCopy();
            copy.AddSource("firmware/SerprogNano.Esp32/InjectedFault.cs", $$"""
                namespace SerprogNano.Esp32
                {
                    internal static class InjectedFault
                    {
                        public static void OnSpiWrite(byte[] buffer, int offset, int count)
                        {
                            if (count > 0 && buffer[offset] == {{Trigger}})
                            {
                                throw new System.InvalidOperationException("injected fault");
                            }
                        }
                    }
                }
                """);
            copy.InsertAfter("firmware/SerprogNano.Esp32/Esp32SpiMaster.cs", "public void Write(byte[] buffer, int offset, int count)\n        {",
                "\n            InjectedFault.OnSpiWrite(buffer, offset, count);");
            using var esp32 = VirtualEsp32.Start(copy.Root, Directory, "--image", start, "--trace");

            string beforeFault;
            using (var raw = new RawSerprog(esp32.Port))
            {
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                beforeFault = esp32.Errors;
                // Its read is longer than the engine's short reads: chip select held on a GpioPin, the fault in Write.
                raw.SendSpiOperation(new byte[] { Trigger }, 1000);
                raw.Send(SerprogOpcode.SyncNop); // pipelined behind it: dropped with it until the link is quiet
                Assert.AreEqual(0, raw.CountArriving(TimeSpan.FromSeconds(2)), "the faulty frame and what followed it are dropped: no reply");
                string afterFault = esp32.Errors[beforeFault.Length..];
                StringAssert.Contains(afterFault, "flash /CS (GPIO4) -> LOW", "the fault came with CS asserted");
                StringAssert.Contains(afterFault, "gpio_config GPIO4 mode=in", "CS released after the fault");
                StringAssert.Contains(afterFault, "spi_bus_free SPI3_HOST", "the bus freed after the fault, MOSI and CLK with it");

                raw.Send(SerprogOpcode.SyncNop);
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Nak, SerprogReply.Ack }, raw.Receive(2, TimeSpan.FromSeconds(10)), "in sync again");
                Assert.AreEqual(SerprogReply.Nak, raw.ReadJedecId()[0], "the engine knows the lines are released");
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true), "and drives them again on request");
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId());
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(false));
            }

            new Flashrom(esp32.FlashromProgrammer).Read(read, Chip);
            esp32.StopAndAssertHealthy();
            AssertMosiAndClockNeverGpios(esp32.Errors);
            CollectionAssert.AreEqual(File.ReadAllBytes(start), File.ReadAllBytes(read), "a whole read after the fault");
            StringAssert.Contains(esp32.Output, "frame dropped: InvalidOperationException injected fault", "the guard caught the injected fault");
        }

        /// <summary>
        /// The UART paced at 2,000,000 baud (bytes arrive at line rate, whether the firmware has room or not) and a
        /// chip with datasheet program and erase times: a full 8 MiB write by our CLI, whose read-back is a full
        /// read, byte for byte. Our CLI rather than flashrom: it keeps the link busy (about 5 minutes here against
        /// flashrom's 7 for the same write).
        /// </summary>
        [TestMethod]
        public void A_paced_link_with_a_busy_chip_writes_and_reads_back_8_MiB_without_losing_a_byte()
        {
            string image = Flashrom.RandomImage(Directory, ChipSize, seed: 107);
            string saved = Fresh("esp32-paced-saved.bin");
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--save", saved, "--baud", VirtualEsp32.Baud.ToString(System.Globalization.CultureInfo.InvariantCulture), "--busy");

            string output = Cli($"write \"{image}\" --no-backup -p {esp32.CliProgrammer} -c \"{Chip}\"", "VERIFIED", TimeSpan.FromMinutes(20));

            esp32.StopAndAssertHealthy();
            StringAssert.Matches(esp32.Errors, PacedLine(), "the UART was paced");
            // The firmware offers the SerprogNano extensions: the verify is its CRC-32 of every erase block, read on the device.
            StringAssert.Contains(output, "VERIFIED: all 8388608 bytes match the image (CRC-32 per erase block", "the device's CRC covered the whole chip");
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(saved), "the chip holds the written image");
        }

        /// <summary>
        /// Allocation on the hot path, counted on the real interpreter: the board layer alone (a scratch app in place
        /// of Program.cs) toggles chip select a million times and makes 200,000 SPI writes, counting garbage
        /// collections with the firmware's DEBUG-only counter. Toggles must cause none; the SPI writes must cause
        /// some (each allocates SpanByte heap objects, see Esp32SpiMaster), which shows the count can see garbage.
        /// </summary>
        [TestMethod]
        public void Chip_select_toggles_allocate_nothing_on_the_real_interpreter()
        {
            using var copy = new FirmwareCopy();
            copy.AddSource("firmware/SerprogNano.Esp32.App/Program.cs", """
                using System.Device.Gpio;
                using System.Diagnostics;
                using System.Threading;

                namespace SerprogNano.Esp32
                {
                    public static class Program
                    {
                        public static void Main()
                        {
                            GcRuns.Start();
                            Esp32SpiMaster spi = new Esp32SpiMaster(BoardProfiles.Selected, new GpioController(), FirmwareSettings.DataBufferSize);
                            spi.Drive();
                            int before = Settled();
                            for (int i = 0; i < 500000; i++)
                            {
                                spi.SetChipSelect(true);
                                spi.SetChipSelect(false);
                            }

                            int toggles = Settled() - before;
                            byte[] command = new byte[] { 0x05 };
                            before = Settled();
                            for (int i = 0; i < 200000; i++)
                            {
                                spi.Write(command, 0, 1);
                            }

                            int writes = Settled() - before;
                            spi.Release();
                            Debug.WriteLine("gc runs during 1000000 toggles: " + toggles.ToString() + ", during 200000 spi writes: " + writes.ToString());
                        }

                        private static int Settled()
                        {
                            Thread.Sleep(200); // the finalizer thread counts a collection after it
                            return GcRuns.Count;
                        }
                    }
                }
                """);
            string runFirmware = SharedTools.RequireRunFirmware();
            string pty = Path.Combine(Directory, "ttyESP32-bench-" + Guid.NewGuid().ToString("N")[..8]);
            ToolResult result = ExternalTool.Run(runFirmware, $"\"{copy.Root}\" --uart1 \"{pty}\"", TimeSpan.FromMinutes(10));

            Assert.AreEqual(0, result.ExitCode, result.Output);
            Match counts = GcCounts().Match(result.Output);
            Assert.IsTrue(counts.Success, result.Output);
            TestContext.WriteLine(counts.Value);
            Assert.AreEqual("0", counts.Groups["toggles"].Value, "GC runs caused by a million /CS toggles");
            Assert.AreNotEqual("0", counts.Groups["writes"].Value, "the SPI writes allocate, so the counter can see garbage");
        }

        /// <summary>
        /// The S3 profile that serves on COM1 (UART0), run where nanoFramework's debugger holds UART0 (the virtual
        /// ESP32's wire protocol is on UART, as on an S3 whose native USB port had no host at boot): the real
        /// SerialPort driver leaves COM1 out of its port list, and the firmware says what to plug instead of
        /// serving, blinking its LED. Only the classic ESP32 is simulated, so a scratch copy selects the profile.
        /// </summary>
        [TestMethod]
        public void The_S3_profile_on_UART0_says_what_to_plug_when_the_debugger_holds_COM1()
        {
            using var copy = new FirmwareCopy();
            copy.InsertAfter("firmware/SerprogNano.Esp32/BoardProfiles.cs", "#else\n                return ", "Esp32S3DevKitC1Uart0(); // ");
            using var esp32 = VirtualEsp32.Start(copy.Root, Directory, "--trace");

            const string Message = "COM1 is not available to serprog on ESP32-S3-DevKitC-1 (serprog on the UART port). COM1 is free only"
                + " while the debugger is on the native USB port: connect the board's USB port to a host as well as its UART port, then press RST.";
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Regex.Matches(esp32.Errors, "gpio_set_level GPIO21=").Count < 4 && waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                System.Threading.Thread.Sleep(100);
            }

            esp32.StopAndAssertHealthy();
            StringAssert.Contains(esp32.Output, Message);
            Assert.IsGreaterThanOrEqualTo(4, Regex.Matches(esp32.Errors, "gpio_set_level GPIO21=").Count, "the LED blinks");
            Assert.IsFalse(esp32.Errors.Contains("uart_driver_install", StringComparison.Ordinal), "no UART opened");
        }

        /// <summary>An output path with no file left from an earlier run (our CLI refuses to overwrite a dump).</summary>
        private string Fresh(string name)
        {
            string path = Path.Combine(Directory, name);
            File.Delete(path);
            return path;
        }

        private static string Cli(string arguments, string expected, TimeSpan? timeout = null)
        {
            string serprog = Path.Combine(AppContext.BaseDirectory, "serprog.dll");
            ToolResult result = ExternalTool.Run("dotnet", $"\"{serprog}\" {arguments}", timeout ?? TimeSpan.FromMinutes(10));
            Assert.AreEqual(0, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, expected);
            return result.Output;
        }

        [GeneratedRegex(@"gc runs during 1000000 toggles: (?<toggles>\d+), during 200000 spi writes: (?<writes>\d+)")]
        private static partial Regex GcCounts();

        [GeneratedRegex(@"paced at 2000000 baud 8N1; 0 received bytes dropped")]
        private static partial Regex PacedLine();
    }
}
