using System;
using System.IO;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>A fault of the chip itself is named as such, with what to do about the chip, not the wiring (issue 11 item 7).</summary>
    [TestClass]
    public sealed class ChipFaultDiagnosisTests
    {
        [TestMethod]
        public void A_chip_stuck_busy_is_diagnosed_as_busy_with_power_cycle_advice()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] contents = emulator.Chip.Snapshot();
            emulator.Chip.Faults.StuckBusy = true;

            CliRun run = CliRun.Of("probe", "-p", emulator.Programmer);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: The chip stays busy: status register 1 reads 0x01 (WIP set) for more than 2 s, and a busy chip ignores the id commands.");
            StringAssert.Contains(run.Error, "power-cycle it");
            StringAssert.Contains(run.Error, "check that WP# and HOLD# are held high");
            Assert.IsFalse(run.Error.Contains("no chip answers", StringComparison.Ordinal), run.ToString());
            Assert.AreEqual(0L, emulator.Chip.PagePrograms + emulator.Chip.StatusWrites);
            CollectionAssert.AreEqual(contents, emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void A_page_the_chip_never_takes_is_blamed_on_the_chip_after_every_round_not_on_the_link()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed: 81));
            emulator.Chip.Load(old);
            string image = UpdatedImage.Write(files, "new.bin", old, 0x120000, 64 * 1024, seed: 82);
            emulator.Chip.Faults.FailingPageAddress = 0x123456;

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "--no-backup");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(
                run.Error,
                "error: Verify failed: the chip did not take the data at 0x123400 after 3 rounds of erase, program and read-back, though the reads there agree every time (the link is healthy)");
            StringAssert.Contains(run.Error, "A worn-out part, or one that protects that area, does this: check WP# and the protection bits, else replace the chip. 'serprog info' shows the status registers.");
            Assert.IsFalse(run.Error.Contains("check the wiring", StringComparison.Ordinal), run.ToString());
            Assert.IsFalse(run.Output.Contains("VERIFIED", StringComparison.Ordinal), run.ToString());
            byte[] written = File.ReadAllBytes(image);
            byte[] chip = emulator.Chip.Snapshot();
            CollectionAssert.AreEqual(written[..0x123400], chip[..0x123400]);
            CollectionAssert.AreNotEqual(written[0x123400..0x123500], chip[0x123400..0x123500]);
            CollectionAssert.AreEqual(written[0x123500..], chip[0x123500..]);
        }
    }
}
