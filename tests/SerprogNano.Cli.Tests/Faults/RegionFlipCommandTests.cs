using System;
using System.IO;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>
    /// Issue 21, findings 1 and 2: a noisy cable flips bit 5 of the address's top byte in the first 4 KiB erase of a region
    /// write or `erase -i`, moving it from 0x200000 to 0x000000. The command must never exit 0 with a byte outside the
    /// region changed: the chip ends with the region new and the rest as it was (repaired), on both write paths.
    /// </summary>
    [TestClass]
    public sealed class RegionFlipCommandTests
    {
        private const string Layout = "00000000:001fffff below\n00200000:00200fff bios\n00201000:003fffff above\n";
        private static readonly Range Bios = 0x200000..0x201000;

        private static (TestFiles Files, EmulatorOverTcp Emulator, byte[] Old, string LayoutPath) Chip(bool extensions, int seed)
        {
            var files = new TestFiles();
            var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV, extensions: extensions);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed));
            emulator.Chip.Load(old);
            string layout = files.PathOf("chip.layout");
            File.WriteAllText(layout, Layout);
            emulator.LinkFaults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.SectorErase4K, 1, 1, 5, LinkFaultDirection.ToDevice));
            return (files, emulator, old, layout);
        }

        [TestMethod]
        [DataRow(true, true, DisplayName = "extensions, --backup")]
        [DataRow(true, false, DisplayName = "extensions, --no-backup")]
        [DataRow(false, true, DisplayName = "serprog v1, --backup")]
        [DataRow(false, false, DisplayName = "serprog v1, --no-backup")]
        public void A_region_write_whose_erase_is_moved_outside_never_ends_verified_with_the_rest_changed(bool extensions, bool backup)
        {
            var (files, emulator, old, layout) = Chip(extensions, seed: 91);
            using (files)
            using (emulator)
            {
                byte[] image = (byte[])old.Clone();
                new Random(92).NextBytes(image.AsSpan(Bios));
                File.WriteAllBytes(files.PathOf("new.bin"), image);
                string backupFile = files.PathOf("backup.bin");

                CliRun run = CliRun.Of(["write", files.PathOf("new.bin"), "-p", emulator.Programmer, "-l", layout, "-i", "bios", .. (backup ? new[] { "--backup", backupFile } : ["--no-backup"])]);

                Assert.AreEqual(1L, emulator.LinkFaults.BitsFlippedToDevice, "the erase was moved");
                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                CollectionAssert.AreEqual(image, emulator.Chip.Snapshot(), "the region is new, the rest (0x000000-0x000FFF too) as it was");
                StringAssert.Contains(run.Error + run.Output, "VERIFIED: bios matches the image and the rest of the chip is unchanged");
                if (backup)
                {
                    CollectionAssert.AreEqual(old, File.ReadAllBytes(backupFile));
                }
            }
        }

        [TestMethod]
        [DataRow(true, DisplayName = "extensions")]
        [DataRow(false, DisplayName = "serprog v1")]
        public void An_erase_of_a_region_whose_erase_is_moved_outside_compares_and_repairs_the_rest(bool extensions)
        {
            var (files, emulator, old, layout) = Chip(extensions, seed: 93);
            using (files)
            using (emulator)
            {
                CliRun run = CliRun.Of("erase", "-p", emulator.Programmer, "-l", layout, "-i", "bios");

                Assert.AreEqual(1L, emulator.LinkFaults.BitsFlippedToDevice, "the erase was moved");
                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                byte[] expected = (byte[])old.Clone();
                expected.AsSpan(Bios).Fill(0xFF);
                CollectionAssert.AreEqual(expected, emulator.Chip.Snapshot(), "the region is blank, the rest (0x000000-0x000FFF too) as it was");
                StringAssert.Contains(run.Output + run.Error, "the rest of the chip is as it was (all " + old.Length + " bytes compared");
            }
        }
    }
}
