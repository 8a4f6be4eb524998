using System;
using System.IO;
using System.Text.Json;
using SerprogNano.Emulator.Chip;
using SerprogNano.Interop.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests
{
    /// <summary>
    /// Every serprog firmware people own, as a double built from its source, in front of an emulated 2 MiB chip:
    /// our `serprog` probes, reads, writes, verifies and erases through each, and Debian's flashrom, the
    /// referee, reads, writes and verifies through the same double. Every dump is compared byte for byte.
    /// </summary>
    [TestClass]
    public sealed class FirmwareCompatibilityTests
    {
        /// <summary>flashrom's name for the 2 MiB part (one JEDEC ID, several definitions).</summary>
        private const string FlashromChip = "W25Q16.V";

        private static readonly SpiNorModel Model = SpiNorModels.W25Q16JV;

        public TestContext TestContext { get; set; } = null!;

        private string Directory
        {
            get
            {
                string directory = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "compat-" + TestContext.TestName + "-" + Environment.ProcessId);
                System.IO.Directory.CreateDirectory(directory);
                return directory;
            }
        }

        [TestMethod]
        [DataRow(Firmware.PicoSerprog)]
        [DataRow(Firmware.PicoSerprogLibreboot)]
        [DataRow(Firmware.StmVserprog)]
        [DataRow(Firmware.FrserDuino)]
        [DataRow(Firmware.Esp32Serprog)]
        [DataRow(Firmware.Unknown)]
        public void Serprog_probes_reads_writes_verifies_and_erases_through_the_firmware_over_tcp(Firmware firmware)
        {
            using var served = new ServedFirmware(firmware, Model);
            string programmer = "serprog:ip=" + served.Endpoint;
            RunHostMatrix(served, programmer, Directory, seed: 10 + (int)firmware);
        }

        [TestMethod]
        [DataRow(Firmware.PicoSerprog)]
        [DataRow(Firmware.PicoSerprogLibreboot)]
        [DataRow(Firmware.StmVserprog)]
        [DataRow(Firmware.FrserDuino)]
        [DataRow(Firmware.Esp32Serprog)]
        [DataRow(Firmware.Unknown)]
        public void Flashrom_reads_writes_and_verifies_through_the_same_double_over_tcp(Firmware firmware)
        {
            using var served = new ServedFirmware(firmware, Model);
            var flashrom = new Flashrom("serprog:ip=" + served.Endpoint);
            RunFlashromMatrix(served, flashrom, Directory, seed: 20 + (int)firmware, wholeChip: true);
        }

        [TestMethod]
        [DataRow(Firmware.PicoSerprog)]
        [DataRow(Firmware.PicoSerprogLibreboot)]
        [DataRow(Firmware.StmVserprog)]
        [DataRow(Firmware.FrserDuino)]
        [DataRow(Firmware.Esp32Serprog)]
        public void Serprog_and_flashrom_work_through_the_firmware_over_a_pty(Firmware firmware)
        {
            using var served = new ServedFirmware(firmware, Model);
            using var pty = new PtyBridge(served.Endpoint, Path.Combine(Path.GetTempPath(), $"serprog-compat-{firmware}-{Environment.ProcessId}"));
            RunHostMatrix(served, "serprog:dev=" + pty.PtyPath + ":2000000", Directory, seed: 30 + (int)firmware);
            var flashrom = new Flashrom("serprog:dev=" + pty.PtyPath + ":2000000", TimeSpan.FromMinutes(10));
            RunFlashromMatrix(served, flashrom, Directory, seed: 40 + (int)firmware, wholeChip: false);
        }

        [TestMethod]
        public void The_libreboot_fork_is_never_sent_S_SPI_CS_which_it_would_not_answer()
        {
            using var served = new ServedFirmware(Firmware.PicoSerprogLibreboot, Model);
            SerprogCli zero = SerprogCli.Run("probe", "-p", "serprog:ip=" + served.Endpoint + ",cs=0");
            Assert.AreEqual(0, zero.ExitCode, zero.ToString());
            StringAssert.Contains(zero.Error, "S_SPI_CS is not sent");

            SerprogCli one = SerprogCli.Run("probe", "-p", "serprog:ip=" + served.Endpoint + ",cs=1");
            Assert.AreEqual(1, one.ExitCode, one.ToString());
            StringAssert.Contains(one.Error, "Chip select 1 cannot be chosen on this programmer");
        }

        [TestMethod]
        [DataRow(Firmware.PicoSerprog, "stop-and-wait")]
        [DataRow(Firmware.StmVserprog, "stop-and-wait")]
        [DataRow(Firmware.Unknown, "stop-and-wait")]
        [DataRow(Firmware.PicoSerprogLibreboot, "pipelined, up to 4096 bytes ahead")]
        [DataRow(Firmware.FrserDuino, "pipelined, up to 1020 bytes ahead")]
        [DataRow(Firmware.Esp32Serprog, "pipelined, up to 4096 bytes ahead")]
        public void Info_names_the_profile_and_why(Firmware firmware, string mode)
        {
            using var served = new ServedFirmware(firmware, Model);
            SerprogCli info = SerprogCli.Run("info", "-p", "serprog:ip=" + served.Endpoint);
            Assert.AreEqual(0, info.ExitCode, info.ToString());
            StringAssert.Contains(info.Output, "profile " + ServedFirmware.ExpectedProfile(firmware) + " (" + mode + "): ");
            StringAssert.Contains(info.Output, firmware == Firmware.Unknown ? "unknown firmware \"acme-flasher\"" : "because ");

            SerprogCli verbose = SerprogCli.Run("probe", "-v", "-p", "serprog:ip=" + served.Endpoint);
            Assert.AreEqual(0, verbose.ExitCode, verbose.ToString());
            StringAssert.Contains(verbose.Output + verbose.Error, "profile " + ServedFirmware.ExpectedProfile(firmware) + " (" + mode + ")");
        }

        /// <summary>probe, read (two passes), write (backup, plan, verify), verify, erase; the chip and every file compared byte for byte.</summary>
        internal static void RunHostMatrix(ServedFirmware served, string programmer, string directory, int seed)
        {
            byte[] original = RandomBytes(served.Chip.Model.Size, seed);
            served.Chip.Load(original);

            SerprogCli probe = SerprogCli.Run("probe", "-p", programmer);
            Assert.AreEqual(0, probe.ExitCode, probe.ToString());
            StringAssert.Contains(probe.Output, "W25Q16");

            string dump = Path.Combine(directory, "dump.bin");
            File.Delete(dump);
            SerprogCli read = SerprogCli.Run("read", dump, "--passes", "2", "-p", programmer);
            Assert.AreEqual(0, read.ExitCode, read.ToString());
            CollectionAssert.AreEqual(original, File.ReadAllBytes(dump), "the dump is the chip, byte for byte");

            // A new image that differs in scattered pages and in a few whole 64 KiB blocks.
            byte[] image = (byte[])original.Clone();
            var random = new Random(seed + 1000);
            for (int i = 0; i < 40; i++)
            {
                int page = random.Next(image.Length / 256);
                random.NextBytes(image.AsSpan(page * 256, 256));
            }

            random.NextBytes(image.AsSpan(3 * 65536, 2 * 65536));
            string imagePath = Path.Combine(directory, "image.bin");
            File.WriteAllBytes(imagePath, image);
            string backup = Path.Combine(directory, "backup.bin");
            File.Delete(backup);
            SerprogCli write = SerprogCli.Run("write", imagePath, "--backup", backup, "-p", programmer);
            Assert.AreEqual(0, write.ExitCode, write.ToString());
            StringAssert.Contains(write.Output, "VERIFIED");
            CollectionAssert.AreEqual(image, served.Chip.Snapshot(), "the chip holds the image after write");
            CollectionAssert.AreEqual(original, File.ReadAllBytes(backup), "the backup is the old contents");

            SerprogCli verify = SerprogCli.Run("verify", imagePath, "-p", programmer);
            Assert.AreEqual(0, verify.ExitCode, verify.ToString());
            StringAssert.Contains(verify.Output, "VERIFIED");

            served.Chip.Load(original);
            SerprogCli differs = SerprogCli.Run("verify", imagePath, "-p", programmer);
            Assert.AreEqual(1, differs.ExitCode, "a chip that differs fails verify: " + differs);

            SerprogCli erase = SerprogCli.Run("erase", "-p", programmer);
            Assert.AreEqual(0, erase.ExitCode, erase.ToString());
            byte[] blank = new byte[original.Length];
            Array.Fill(blank, (byte)0xFF);
            CollectionAssert.AreEqual(blank, served.Chip.Snapshot(), "every byte erased");
        }

        /// <summary>flashrom -r, -w, -v against the same double; over a slow link only one 64 KiB block differs.</summary>
        internal static void RunFlashromMatrix(ServedFirmware served, Flashrom flashrom, string directory, int seed, bool wholeChip)
        {
            byte[] original = RandomBytes(served.Chip.Model.Size, seed);
            served.Chip.Load(original);
            string readBack = Path.Combine(directory, "flashrom-read.bin");
            File.Delete(readBack);
            flashrom.Read(readBack, FlashromChip);
            CollectionAssert.AreEqual(original, File.ReadAllBytes(readBack), "flashrom -r through " + served.Firmware);

            byte[] image = wholeChip ? RandomBytes(original.Length, seed + 1) : (byte[])original.Clone();
            if (!wholeChip)
            {
                new Random(seed + 2).NextBytes(image.AsSpan(65536, 65536));
            }

            string imagePath = Path.Combine(directory, "flashrom-image.bin");
            File.WriteAllBytes(imagePath, image);
            flashrom.Write(imagePath, FlashromChip);
            CollectionAssert.AreEqual(image, served.Chip.Snapshot(), "flashrom -w through " + served.Firmware);
            flashrom.Verify(imagePath, FlashromChip);
        }

        internal static byte[] RandomBytes(int size, int seed)
        {
            var data = new byte[size];
            new Random(seed).NextBytes(data);
            return data;
        }
    }
}
