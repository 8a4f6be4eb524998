using System.IO;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>A dump that cannot be saved says so and leaves nothing under its name (the writer renames a finished temporary file).</summary>
    [TestClass]
    public sealed class DumpFileTests
    {
        [TestMethod]
        public void A_dump_that_cannot_be_saved_names_the_file_and_leaves_nothing()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            string dump = Path.Combine(files.PathOf("gone"), "dump.bin");

            CliRun run = CliRun.Of("read", dump, "-p", emulator.Programmer, "-c", "SST25VF040B");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "Cannot save the dump to " + dump);
            StringAssert.Contains(run.Error, "nothing was read");
            Assert.IsEmpty(Directory.GetFileSystemEntries(files.Directory));
        }

        [TestMethod]
        public void A_backup_that_cannot_be_saved_stops_the_write_before_the_chip_changes()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            byte[] old = emulator.Chip.Snapshot();
            string image = files.RandomImage("new.bin", SpiNorModels.SST25VF040B.Size, seed: 81);
            string backup = Path.Combine(files.PathOf("gone"), "backup.bin");

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "SST25VF040B", "--unprotect", "--backup", backup);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "Cannot save the backup to " + backup);
            Assert.DoesNotContain("To finish", run.Error, "nothing was changed, so there is nothing to finish");
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }
    }
}
