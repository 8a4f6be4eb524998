using System.IO;
using System.Text.Json;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;

namespace SerprogNano.Cli.Tests
{
    /// <summary>write, read and erase through a chip that outlives each command (served over TCP as `serprog emulate` does).</summary>
    [TestClass]
    public sealed class WriteCommandTests
    {
        private const int ChipSize = 4 * 1024 * 1024;

        [TestMethod]
        public void Write_saves_a_backup_changes_the_chip_prints_verified_and_reads_back_the_same()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", ChipSize, seed: 21));
            emulator.Chip.Load(old);
            string image = files.RandomImage("new.bin", ChipSize, seed: 22);
            string backup = files.PathOf("backup.bin");

            CliRun write = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", emulator.Chip.Model.Name, "--backup", backup);
            Assert.AreEqual(ExitCodes.Ok, write.ExitCode, write.ToString());
            StringAssert.Contains(write.Output, "VERIFIED");
            StringAssert.Contains(write.Output, "Write protection: none, mode disabled.");
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backup), "the backup holds the old contents");
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot(), "the chip holds the new image");

            string dump = files.PathOf("dump.bin");
            CliRun read = CliRun.Of("read", dump, "-p", emulator.Programmer, "-c", "W25Q32FV");
            Assert.AreEqual(ExitCodes.Ok, read.ExitCode, read.ToString());
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(dump));
        }

        [TestMethod]
        public void Writing_the_image_the_chip_already_holds_changes_nothing_and_still_verifies()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            string image = files.RandomImage("image.bin", ChipSize, seed: 23);
            emulator.Chip.Load(File.ReadAllBytes(image));
            emulator.Chip.ResetCounters();
            string backup = files.PathOf("backup.bin");

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", emulator.Chip.Model.Name, "--backup", backup, "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement json = run.Json();
            Assert.IsTrue(json.GetProperty("unchanged").GetBoolean());
            Assert.IsTrue(json.GetProperty("verified").GetBoolean());
            Assert.AreEqual(0L, emulator.Chip.PagePrograms);
            Assert.IsFalse(File.Exists(backup), "nothing changed, so no backup was needed");
        }

        [TestMethod]
        public void An_image_of_the_wrong_size_is_refused_and_the_chip_is_untouched()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", ChipSize, seed: 24));
            emulator.Chip.Load(old);
            string image = files.RandomImage("small.bin", ChipSize / 2, seed: 25);

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", emulator.Chip.Model.Name, "--backup", files.PathOf("backup.bin"));
            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, (ChipSize / 2).ToString());
            StringAssert.Contains(run.Error, ChipSize.ToString());
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void A_protected_chip_is_reported_and_left_alone_unless_unprotect_is_given()
        {
            using var files = new TestFiles();
            // A part whose protection layout the database lacks: any BP bit set stops the write.
            using var emulator = new EmulatorOverTcp(SpiNorModels.EN25QH64);
            ChipFaultText.Apply("protected", emulator.Chip);
            byte[] old = emulator.Chip.Snapshot();
            string image = files.RandomImage("image.bin", SpiNorModels.EN25QH64.Size, seed: 26);

            CliRun refused = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", emulator.Chip.Model.Name, "--no-backup");
            Assert.AreEqual(ExitCodes.Failed, refused.ExitCode, refused.ToString());
            StringAssert.Contains(refused.Error, "Block protection is ON");
            StringAssert.Contains(refused.Error, "--unprotect");
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());

            CliRun unprotected = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", emulator.Chip.Model.Name, "--no-backup", "--unprotect");
            Assert.AreEqual(ExitCodes.Ok, unprotected.ExitCode, unprotected.ToString());
            StringAssert.Contains(unprotected.Output, "VERIFIED");
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void Without_backup_options_the_old_contents_go_to_a_named_file_in_the_current_directory()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", ChipSize, seed: 29));
            emulator.Chip.Load(old);
            string image = files.RandomImage("new.bin", ChipSize, seed: 30);
            string previous = System.Environment.CurrentDirectory;
            System.Environment.CurrentDirectory = files.Directory;
            try
            {
                CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV");
                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            }
            finally
            {
                System.Environment.CurrentDirectory = previous;
            }

            string[] backups = Directory.GetFiles(files.Directory, "serprog-backup-W25Q32FV-*.bin");
            Assert.HasCount(1, backups);
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backups[0]));
        }

        [TestMethod]
        public void Erase_refuses_a_protected_chip_without_unprotect()
        {
            // A part whose protection layout the database lacks (SST25 parts are unprotected without a flag).
            using var emulator = new EmulatorOverTcp(SpiNorModels.EN25QH64);
            byte[] pattern = new byte[SpiNorModels.EN25QH64.Size];
            new System.Random(31).NextBytes(pattern);
            emulator.Chip.Load(pattern);
            ChipFaultText.Apply("protected", emulator.Chip);

            CliRun run = CliRun.Of("erase", "-p", emulator.Programmer);
            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "--unprotect");
            CollectionAssert.AreEqual(pattern, emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void Erase_blanks_the_chip_and_checks_it()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            emulator.Chip.Load(File.ReadAllBytes(files.RandomImage("old.bin", ChipSize, seed: 27)));

            CliRun run = CliRun.Of("erase", "-p", emulator.Programmer, "-c", emulator.Chip.Model.Name, "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            Assert.IsTrue(run.Json().GetProperty("erased").GetBoolean());
            Assert.AreEqual(-1, System.MemoryExtensions.IndexOfAnyExcept(emulator.Chip.Snapshot(), (byte)0xFF), "every byte is erased");
        }

        [TestMethod]
        public void The_guides_flashprog_style_read_works_with_spispeed()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            string image = files.RandomImage("image.bin", ChipSize, seed: 28);
            emulator.Chip.Load(File.ReadAllBytes(image));
            string dump = files.PathOf("dump.bin");

            CliRun run = CliRun.Of("read", dump, "-p", emulator.FlashprogProgrammer + ",spispeed=16M", "-c", "W25Q32FV", "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            Assert.AreEqual(16_000_000L, run.Json().GetProperty("programmer").GetProperty("spiFrequency").GetInt64());
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(dump));
        }
    }
}
