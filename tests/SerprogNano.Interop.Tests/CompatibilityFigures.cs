using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SerprogNano.Emulator.Chip;
using SerprogNano.Interop.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests
{
    /// <summary>
    /// The figures of issue 15, not a timed test: per firmware double, an 8 MiB read and write by `serprog` and by
    /// flashrom on the same double (busy times on, loopback TCP; esp32-serprog sleeping a 1 ms FreeRTOS tick
    /// after each command). Only correctness is asserted; the times go to a table. Runs from
    /// scripts/compat-figures.sh (TestCategory=Figures); scripts/test.sh leaves it out.
    /// </summary>
    [TestClass]
    public sealed class CompatibilityFigures
    {
        private const string FlashromChip = Flashrom.W25Q64;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        [TestCategory("Figures")]
        public void Read_and_write_8_mib_through_every_double_with_serprog_and_flashrom()
        {
            string directory = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "compat-figures");
            Directory.CreateDirectory(directory);
            string only = Environment.GetEnvironmentVariable("SERPROG_FIGURES_FIRMWARE") ?? "";
            var table = new StringBuilder();
            table.AppendLine("| firmware double | profile | serprog read | flashrom read | serprog write | flashrom write |");
            table.AppendLine("|---|---|---|---|---|---|");
            foreach (Firmware firmware in Enum.GetValues<Firmware>())
            {
                if (only.Length > 0 && !only.Split(',').Contains(firmware.ToString()))
                {
                    continue;
                }

                Row row = Measure(firmware, directory);
                string line = $"| {firmware} | {ServedFirmware.ExpectedProfile(firmware)} | {S(row.HostRead)} | {S(row.FlashromRead)} | {S(row.HostWrite)} | {S(row.FlashromWrite)} |";
                table.AppendLine(line);
                Console.WriteLine(line);
                File.AppendAllText(Path.Combine(directory, "progress.md"), line + Environment.NewLine);
            }

            File.WriteAllText(Path.Combine(directory, "figures.md"), table.ToString());
            Console.WriteLine(table);
            TestContext.WriteLine(table.ToString());
        }

        private static Row Measure(Firmware firmware, string directory)
        {
            using var served = new ServedFirmware(firmware, SpiNorModels.W25Q64FV, busyTimes: true, esp32Tick: TimeSpan.FromMilliseconds(1));
            string programmer = "serprog:ip=" + served.Endpoint;
            int size = served.Chip.Model.Size;
            byte[] old = FirmwareCompatibilityTests.RandomBytes(size, 100 + (int)firmware);
            byte[] image = FirmwareCompatibilityTests.RandomBytes(size, 200 + (int)firmware);
            string imagePath = Path.Combine(directory, firmware + "-image.bin");
            File.WriteAllBytes(imagePath, image);
            var flashrom = new Flashrom(programmer, TimeSpan.FromMinutes(30));

            served.Chip.Load(old);
            string dump = Path.Combine(directory, firmware + "-serprog.bin");
            File.Delete(dump);
            TimeSpan hostRead = Time(() => Expect(SerprogCli.Run("read", dump, "-c", "W25Q64FV", "-p", programmer)));
            CollectionAssert.AreEqual(old, File.ReadAllBytes(dump));

            string flashromDump = Path.Combine(directory, firmware + "-flashrom.bin");
            File.Delete(flashromDump);
            TimeSpan flashromRead = Time(() => flashrom.Read(flashromDump, FlashromChip));
            CollectionAssert.AreEqual(old, File.ReadAllBytes(flashromDump));

            string backup = Path.Combine(directory, firmware + "-backup.bin");
            File.Delete(backup);
            TimeSpan hostWrite = Time(() => Expect(SerprogCli.Run("write", imagePath, "--backup", backup, "-c", "W25Q64FV", "-p", programmer)));
            CollectionAssert.AreEqual(image, served.Chip.Snapshot());

            served.Chip.Load(old);
            TimeSpan flashromWrite = Time(() => flashrom.Write(imagePath, FlashromChip));
            CollectionAssert.AreEqual(image, served.Chip.Snapshot());
            return new Row(hostRead, flashromRead, hostWrite, flashromWrite);
        }

        private static void Expect(SerprogCli run) => Assert.AreEqual(0, run.ExitCode, run.ToString());

        private static TimeSpan Time(Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed;
        }

        private static string S(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

        private sealed record Row(TimeSpan HostRead, TimeSpan FlashromRead, TimeSpan HostWrite, TimeSpan FlashromWrite);
    }
}
