using System.IO;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests
{
    /// <summary>What a user with a loose clip sees: a refusal that names the wiring, and no dump left behind.</summary>
    [TestClass]
    public sealed class WiringFaultTests
    {
        /// <summary>With the extensions the second pass is the programmer's CRCs of a second read of the chip: it catches the clip all the same.</summary>
        [TestMethod]
        [DataRow(false, DisplayName = "serprog v1: two reads over the link")]
        [DataRow(true, DisplayName = "extensions: a read and the programmer's CRCs")]
        public void Two_reads_that_differ_blame_the_wiring_suggest_a_lower_spispeed_and_save_nothing(bool extensions)
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV, extensions: extensions);
            emulator.Chip.Faults.SetReadBitFlips(1e-5, seed: 41);
            string dump = files.PathOf("dump.bin");

            CliRun run = CliRun.Of("read", dump, "-p", emulator.Programmer, "-c", "W25Q32FV", "--passes", "2", "--json");
            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "wiring");
            StringAssert.Contains(run.Error, "--spispeed");
            Assert.AreEqual(extensions ? 1 : 2, run.Json().GetProperty("passHashes").GetArrayLength());
            Assert.AreEqual(extensions ? 1 : 0, run.Json().GetProperty("deviceCrcPasses").GetInt32());
            Assert.IsFalse(File.Exists(dump));
            Assert.IsEmpty(Directory.GetFiles(files.Directory));
        }

        [TestMethod]
        public void No_chip_on_the_clip_fails_the_probe_with_advice()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            emulator.Chip.Faults.Absent = true;

            CliRun run = CliRun.Of("probe", "-p", emulator.Programmer);
            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "0xFF");
            StringAssert.Contains(run.Error, "--spispeed");
        }
    }
}
