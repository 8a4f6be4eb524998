using System.IO;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>Files a user can get wrong: each is refused with a message that names it, and the chip keeps its contents.</summary>
    [TestClass]
    public sealed class BadInputTests
    {
        [TestMethod]
        [DataRow("empty", "is empty")]
        [DataRow("missing", "does not exist")]
        [DataRow("directory", "is a directory")]
        public void A_bad_image_is_refused_before_the_chip_is_touched(string kind, string message)
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.SST25VF040B.Size, seed: 61));
            emulator.Chip.Load(old);
            string image = files.PathOf(kind);
            if (kind == "empty")
            {
                File.WriteAllBytes(image, []);
            }
            else if (kind == "directory")
            {
                Directory.CreateDirectory(image);
            }

            foreach (string[] command in new[] { new[] { "write", "--unprotect" }, new[] { "verify" } })
            {
                CliRun run = CliRun.Of([.. command, image, "-p", emulator.Programmer]);
                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, image);
                StringAssert.Contains(run.Error, message);
            }

            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void A_page_that_will_not_program_fails_the_write_with_the_address_and_keeps_the_backup()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed: 62));
            emulator.Chip.Load(old);
            string image = UpdatedImage.Write(files, "new.bin", old, 0x120000, 64 * 1024, seed: 63);
            string backup = files.PathOf("backup.bin");
            emulator.Chip.Faults.FailingPageAddress = 0x123456;

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "--backup", backup);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "Verify failed");
            StringAssert.Contains(run.Error, "0x123400");
            StringAssert.Contains(run.Error, "The old contents are in " + backup);
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backup));
            byte[] written = File.ReadAllBytes(image);
            byte[] chip = emulator.Chip.Snapshot();
            CollectionAssert.AreEqual(written[..0x123400], chip[..0x123400], "all but the failing page holds the new image");
            CollectionAssert.AreNotEqual(written[0x123400..0x123500], chip[0x123400..0x123500]);
            CollectionAssert.AreEqual(written[0x123500..], chip[0x123500..]);
        }

        [TestMethod]
        public void Miso_shorted_low_fails_the_probe_blaming_the_wiring()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            emulator.Chip.Faults.MisoShortedLow = true;

            CliRun run = CliRun.Of("probe", "-p", emulator.Programmer);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "0x00");
            StringAssert.Contains(run.Error, "MISO");
            StringAssert.Contains(run.Error, "--spispeed");
        }
    }
}
