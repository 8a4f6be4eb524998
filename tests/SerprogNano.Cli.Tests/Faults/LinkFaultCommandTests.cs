using System;
using System.Diagnostics;
using System.IO;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Protocol;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>`serprog` against a programmer whose link drops, stalls or garbles bytes: exit 1 with a message, never a hang or a silently wrong chip.</summary>
    [TestClass]
    public sealed class LinkFaultCommandTests
    {
        [TestMethod]
        [DataRow("W25Q32FV", 51)]
        public void A_write_cut_at_a_random_byte_names_the_backup_and_says_how_to_finish_and_finishing_ends_verified(string part, int seed)
        {
            SpiNorModel model = SpiNorModels.Find(part)!;
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(model);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", model.Size, seed));
            emulator.Chip.Load(old);
            string image = UpdatedImage.Write(files, "new.bin", old, 0x80000, 256 * 1024, seed + 100);
            string backup = files.PathOf("backup.bin");
            emulator.LinkFaults.DropAfter(new Random(seed).Next(2_000, 256 * 1024));

            CliRun cut = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", part, "--unprotect", "--backup", backup);

            Assert.AreEqual(ExitCodes.Failed, cut.ExitCode, cut.ToString());
            Assert.AreEqual(1, emulator.LinkFaults.Drops);
            StringAssert.Contains(cut.Error, "closed");
            StringAssert.Contains(cut.Error, "at 0x");
            StringAssert.Contains(cut.Error, "The old contents are in " + backup);
            StringAssert.Contains(cut.Error, "run the same write again with --no-backup in place of --backup");
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backup));

            CliRun finish = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", part, "--unprotect", "--no-backup");

            Assert.AreEqual(ExitCodes.Ok, finish.ExitCode, finish.ToString());
            StringAssert.Contains(finish.Output, "VERIFIED");
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot());
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backup), "the backup stays as it was");
        }

        [TestMethod]
        public void A_write_under_bit_flips_both_ways_ends_verified_with_a_true_backup()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed: 53));
            emulator.Chip.Load(old);
            string image = UpdatedImage.Write(files, "new.bin", old, 0x100000, 512 * 1024, seed: 54);
            string backup = files.PathOf("backup.bin");
            emulator.LinkFaults.SetBitFlips(3e-7, LinkFaultDirection.Both, seed: 53);

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "--backup", backup);

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "VERIFIED");
            Assert.IsGreaterThan(0L, emulator.LinkFaults.BitsFlippedToHost);
            Assert.IsGreaterThan(0L, emulator.LinkFaults.BitsFlippedToDevice);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot());
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backup));
        }

        [TestMethod]
        public void Writing_the_image_the_chip_holds_over_a_link_that_flips_bits_changes_nothing()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            string image = files.RandomImage("same.bin", SpiNorModels.W25Q32FV.Size, seed: 57);
            emulator.Chip.Load(File.ReadAllBytes(image));
            emulator.LinkFaults.SetBitFlips(1e-6, LinkFaultDirection.ToHost, seed: 57);
            // With the SerprogNano extensions the chip's bytes do not cross the link when the programmer's CRCs of every
            // 2 KiB match the image (the backup is the image's bytes): a bit of those CRCs' reply flips.
            emulator.LinkFaults.FlipFrameBit(new FrameBitFlip(SerprogNanoOpcode.FlashCrc32, null, 1, 1 + (57 * 4), 3, LinkFaultDirection.ToHost));

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "--backup", files.PathOf("backup.bin"));

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            Assert.IsGreaterThan(0L, emulator.LinkFaults.BitsFlippedToHost, "the fault must have struck");
            StringAssert.Contains(run.Output, "The chip already holds this image: nothing to erase or program.");
            StringAssert.Contains(run.Output, "VERIFIED: all 4194304 bytes");
            Assert.AreEqual(0L, emulator.Chip.Erases(4096) + emulator.Chip.Erases(32 * 1024) + emulator.Chip.Erases(64 * 1024) + emulator.Chip.ChipErases);
            Assert.AreEqual(0L, emulator.Chip.PagePrograms);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void A_dump_cut_by_a_dropped_link_names_the_read_and_leaves_no_file()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            var data = new byte[SpiNorModels.W25Q32FV.Size];
            new Random(59).NextBytes(data);
            emulator.Chip.Load(data);
            // Data, so that the read crosses the link (an erased chip's pieces would not); 200 bytes of commands pass the
            // probe and end in the dump's sparse reads (O_NANO_READ_SPARSE, 256 KiB each).
            emulator.LinkFaults.DropAfter(200);

            CliRun run = CliRun.Of("read", files.PathOf("dump.bin"), "-p", emulator.Programmer, "-c", "W25Q32FV");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "O_NANO_READ_SPARSE (read ");
            StringAssert.Contains(run.Error, "closed");
            Assert.IsEmpty(Directory.GetFiles(files.Directory), "no dump and no partial file");
        }

        [TestMethod]
        public void A_programmer_that_stops_answering_fails_within_bounds_naming_the_read()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            string dump = files.PathOf("dump.bin");
            CliRun healthy = CliRun.Of("read", dump, "-p", emulator.Programmer, "-c", "SST25VF040B");
            Assert.AreEqual(ExitCodes.Ok, healthy.ExitCode, healthy.ToString());
            File.Delete(dump);

            // A dump ends with its last read frame (11 bytes) and S_PIN_STATE (2): stalling 8 bytes early cuts into the read.
            emulator.LinkFaults.StallAfter(emulator.LinkFaults.BytesToDevice - 8);
            var clock = Stopwatch.StartNew();
            CliRun run = CliRun.Of("read", dump, "-p", emulator.Programmer, "-c", "SST25VF040B");

            // A hang guard, not a speed target: the waits time out within seconds, so only a wait without one reaches it.
            Assert.IsLessThan(TimeSpan.FromMinutes(1), clock.Elapsed, "every wait has a time-out");
            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "did not answer O_SPIOP (read");
            StringAssert.Contains(run.Error, "--spispeed");
            Assert.IsEmpty(Directory.GetFiles(files.Directory));
        }
    }
}
