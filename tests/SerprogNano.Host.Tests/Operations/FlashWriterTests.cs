using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Operations;
using SerprogNano.Protocol;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Host.Tests.Faults;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>Writes through the SerprogNano extensions (device-side CRC and waits): the path a SerprogNano programmer takes.</summary>
    [TestClass]
    public sealed class FlashWriterDeviceSideTests : FlashWriterTests
    {
        protected override bool Extensions => true;
    }

    /// <summary>The same writes on a plain serprog v1 programmer: every other firmware, and older SerprogNano builds.</summary>
    [TestClass]
    public sealed class FlashWriterSerprogV1Tests : FlashWriterTests
    {
        private const int Size = 4 * 1024 * 1024;

        protected override bool Extensions => false;

        /// <summary>A 4 MiB chip of random bytes on a serprog v1 programmer, its counters at zero.</summary>
        private static FlashRig RandomChip(int seed, out byte[] old)
        {
            var rig = new FlashRig(SpiNorModels.W25Q32FV, extensions: false);
            old = FlashRig.RandomImage(Size, seed);
            rig.Chip.Load(old);
            rig.Chip.ResetCounters();
            return rig;
        }

        /// <summary>
        /// The chip differs from the image everywhere: a backup must be read twice (two reads that agree), in large reads at
        /// link speed rather than a command per block; without a backup one read plans the write, and the verify checks it.
        /// </summary>
        [TestMethod]
        [DataRow(true, 3, DisplayName = "with a backup: read, read again, verify")]
        [DataRow(false, 2, DisplayName = "without: read, verify")]
        public void A_chip_that_differs_everywhere_is_read_again_only_for_a_backup_and_in_large_reads(bool backup, int passes)
        {
            using var rig = RandomChip(40, out byte[] old);
            byte[] image = FlashRig.RandomImage(Size, 41);
            byte[]? saved = null;

            FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { BeforeChange = contents => saved = contents.ToArray(), OldContentsNeeded = backup });

            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.AreEqual((long)passes * Size, rig.Chip.BytesRead, "bytes read from the chip");
            long reads = rig.Chip.CommandCount(SpiNorOpcodes.Read) + rig.Chip.CommandCount(SpiNorOpcodes.FastRead);
            Assert.IsLessThan(Size / 4096L, reads, "read commands: blocks read again together, not one command each");
            if (backup)
            {
                BytesAssert.Equal(old, saved!);
            }
        }

        [TestMethod]
        public void A_backup_over_a_link_that_flips_too_many_bits_is_refused_before_anything_changes()
        {
            using var rig = RandomChip(42, out byte[] old);
            // 1 bit in 10^4: some 256-byte blocks read differently five times running, and some two reads agree on a
            // flipped bit. Either, taken into the backup, would be a wrong copy of the only old firmware.
            rig.Chip.Faults.SetReadBitFlips(1e-4, seed: 42);
            bool saved = false;

            var e = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(rig.Flash, 0, FlashRig.RandomImage(Size, 43), new WriteOptions { BeforeChange = _ => saved = true }));

            StringAssert.Contains(e.Message, "Nothing was changed");
            Assert.IsFalse(saved, "no backup was handed over");
            rig.Chip.Faults.Clear();
            BytesAssert.Equal(old, rig.Chip.Snapshot());
            Assert.AreEqual(0, rig.Chip.PagePrograms);
        }

        [TestMethod]
        public void Where_the_link_flips_bits_a_backup_block_needs_three_reads_that_agree()
        {
            using var rig = RandomChip(44, out byte[] old);
            // A few flips per read show the link is noisy; one bit reads wrong in the first two reads, which then agree.
            rig.Chip.Faults.SetReadBitFlips(3e-6, seed: 44);
            rig.Chip.Faults.FlipBitInNextReads(0x2345, bit: 3, reads: 2);
            byte[]? saved = null;

            FlashWriter.Write(rig.Flash, 0, FlashRig.RandomImage(Size, 45), new WriteOptions { BeforeChange = contents => saved = contents.ToArray() });

            BytesAssert.Equal(old, saved!);
        }

        [TestMethod]
        public void A_programmer_that_gets_the_same_byte_of_every_read_reply_wrong_never_gives_a_wrong_backup()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions: false);
            byte[] old = FlashRig.RandomImage(Size, 46);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            // A firmware bug that comes with the framing: bit 2 of byte 100 of every READ reply inverted. Two reads cut
            // into the same commands agree on it; only reads cut elsewhere tell it from the chip.
            rig.Faults.FlipFrameBit(new FrameBitFlip(SerprogOpcode.SpiOperation, SpiNorOpcodes.Read, 1, 100, 2, LinkFaultDirection.ToHost) { Repeats = true });
            byte[]? saved = null;

            try
            {
                FlashWriter.Write(flash, 0, FlashRig.RandomImage(Size, 47), new WriteOptions { BeforeChange = contents => saved = contents.ToArray() });
            }
            catch (SpiNorException e) when (saved == null)
            {
                StringAssert.Contains(e.Message, "Nothing was changed");
                BytesAssert.Equal(old, rig.Chip.Snapshot());
                return;
            }

            BytesAssert.Equal(old, saved!);
        }
    }

    /// <summary>What a write must do whichever path it takes.</summary>
    public abstract class FlashWriterTests
    {
        private const int KiB = 1024;

        protected abstract bool Extensions { get; }

        private FlashRig NewRig(SpiNorModel model, bool busyTimes = false) => new(model, busyTimes, extensions: Extensions);

        private FlashRig LoadedRig(SpiNorModel model, byte[] image)
        {
            var rig = NewRig(model);
            rig.Chip.Load(image);
            rig.Chip.ResetCounters();
            return rig;
        }

        [TestMethod]
        public void A_whole_chip_image_is_written_and_verified()
        {
            using FlashRig rig = NewRig(SpiNorModels.W25Q32FV);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 10);

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image);

            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.IsEmpty(result.ErasesBySize, "an erased chip needs no erase");
            Assert.AreEqual(image.Length / 256, result.ProgramsDone);
            Assert.AreEqual(image.Length / 256, rig.Chip.PagePrograms);
            Assert.AreEqual(image.Length, result.BytesVerified);
        }

        [TestMethod]
        public void An_unchanged_image_writes_nothing()
        {
            byte[] image = FlashRig.RandomImage(8 * 1024 * KiB, 11);
            using FlashRig rig = LoadedRig(SpiNorModels.GD25Q64C, image);
            bool backupTaken = false;

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { BeforeChange = _ => backupTaken = true });

            Assert.IsTrue(result.Unchanged);
            Assert.AreEqual(0, rig.Chip.PagePrograms);
            Assert.AreEqual(0, rig.Chip.Erases(4 * KiB) + rig.Chip.Erases(32 * KiB) + rig.Chip.Erases(64 * KiB) + rig.Chip.ChipErases);
            Assert.AreEqual(0, rig.Chip.CommandCount(SpiNorOpcodes.WriteEnable));
            Assert.AreEqual(image.Length, result.BytesVerified);
            Assert.IsFalse(backupTaken);
        }

        [TestMethod]
        public void One_bit_cleared_costs_one_page_program_and_no_erase()
        {
            byte[] image = FlashRig.RandomImage(8 * 1024 * KiB, 12);
            image[0x345678] = 0xA5; // Some bits set, some clear.
            using FlashRig rig = LoadedRig(SpiNorModels.GD25Q64C, image);
            byte[] changed = (byte[])image.Clone();
            int at = 0x345678;
            changed[at] = (byte)(image[at] & ~LowestSetBit(image[at]));
            ReadOnlyMemory<byte>? backup = null;

            WriteResult result = FlashWriter.Write(rig.Flash, 0, changed, new WriteOptions { BeforeChange = old => backup = old.ToArray() });

            Assert.AreEqual(1, rig.Chip.PagePrograms);
            Assert.AreEqual(0, rig.Chip.Erases(4 * KiB) + rig.Chip.Erases(32 * KiB) + rig.Chip.Erases(64 * KiB));
            Assert.AreEqual(1L, result.BytesProgrammed, "only the differing byte goes out");
            BytesAssert.Equal(changed, rig.Chip.Snapshot());
            BytesAssert.Equal(image, backup!.Value.Span);
        }

        [TestMethod]
        public void One_bit_set_costs_one_sector_erase_and_its_pages()
        {
            byte[] image = FlashRig.RandomImage(8 * 1024 * KiB, 13);
            image[0x345678] = 0xA5; // Some bits set, some clear.
            using FlashRig rig = LoadedRig(SpiNorModels.GD25Q64C, image);
            byte[] changed = (byte[])image.Clone();
            int at = 0x345678;
            changed[at] = (byte)(image[at] | LowestClearBit(image[at]));

            WriteResult result = FlashWriter.Write(rig.Flash, 0, changed);

            Assert.AreEqual(1, rig.Chip.Erases(4 * KiB));
            Assert.AreEqual(0, rig.Chip.Erases(32 * KiB) + rig.Chip.Erases(64 * KiB));
            Assert.AreEqual(16, rig.Chip.PagePrograms, "random data leaves no page of the sector all 0xFF");
            Assert.AreEqual(1, result.ErasesBySize[4 * KiB]);
            BytesAssert.Equal(changed, rig.Chip.Snapshot());
        }

        [TestMethod]
        public void Pages_left_all_ones_after_an_erase_are_not_programmed()
        {
            byte[] image = FlashRig.RandomImage(8 * 1024 * KiB, 14);
            using FlashRig rig = LoadedRig(SpiNorModels.GD25Q64C, image);
            byte[] changed = (byte[])image.Clone();
            changed.AsSpan(0x10000, 0x10000).Fill(0xFF);
            changed[0x10000 + 5] = 0x00;

            FlashWriter.Write(rig.Flash, 0, changed);

            Assert.AreEqual(1, rig.Chip.Erases(64 * KiB));
            Assert.AreEqual(1, rig.Chip.PagePrograms);
            BytesAssert.Equal(changed, rig.Chip.Snapshot());
        }

        [TestMethod]
        public void A_range_write_leaves_the_rest_of_the_chip_alone()
        {
            byte[] image = FlashRig.RandomImage(4 * 1024 * KiB, 15);
            using FlashRig rig = LoadedRig(SpiNorModels.W25Q32FV, image);
            byte[] part = FlashRig.RandomImage(96 * KiB, 16);

            FlashWriter.Write(rig.Flash, 0x20000, part);

            byte[] after = rig.Chip.Snapshot();
            BytesAssert.Equal(part, after.AsSpan(0x20000, part.Length));
            BytesAssert.Equal(image[..0x20000], after[..0x20000]);
            BytesAssert.Equal(image[0x38000..], after[0x38000..]);
            Assert.AreEqual(1, rig.Chip.Erases(64 * KiB));
            Assert.AreEqual(1, rig.Chip.Erases(32 * KiB));
        }

        [TestMethod]
        public void A_page_that_does_not_program_fails_verify_at_its_address()
        {
            using FlashRig rig = NewRig(SpiNorModels.GD25Q64C);
            rig.Chip.Faults.FailingPageAddress = 0x12300;
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 17);

            var e = Assert.ThrowsExactly<VerifyFailedException>(() => FlashWriter.Write(rig.Flash, 0, image));

            Assert.AreEqual(0x12300L, e.Address);
            StringAssert.Contains(e.Message, "0x012300");
            StringAssert.Contains(e.Message, "NOT");
        }

        [TestMethod]
        public void A_protected_chip_is_refused_unless_clearing_was_asked_for()
        {
            // A part of unknown protection layout (SST25 parts are unprotected without asking, as flashrom does).
            using FlashRig rig = NewRig(SpiNorModels.EN25QH64);
            ChipWire.WriteStatus(rig.Chip, 0x1C);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 18);

            var e = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(rig.Flash, 0, image));
            StringAssert.Contains(e.Message, "protection");
            Assert.AreEqual(0, rig.Chip.PagePrograms);

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { ClearProtection = true });

            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.AreEqual(image.Length, result.BytesVerified);
        }

        [TestMethod]
        public void SST_with_busy_times_on_a_link_too_fast_for_AAI_still_ends_verified()
        {
            using FlashRig rig = NewRig(SpiNorModels.SST25VF040B, busyTimes: true);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 23);
            image.AsSpan(0, 0x7C000).Fill(0xFF); // Only the last 16 KiB holds data, to keep the test short.

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { ClearProtection = true });

            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.AreEqual(image.Length, result.BytesVerified);
        }

        [TestMethod]
        public void A_32_MiB_part_is_written_past_16_MiB_and_read_back()
        {
            using FlashRig rig = NewRig(SpiNorModels.W25Q256JV);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 19);

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image);

            Assert.AreEqual(image.Length, result.BytesVerified);
            BytesAssert.Equal(image, rig.Chip.Snapshot());
        }

        [TestMethod]
        public void A_write_with_busy_times_on_ends_verified()
        {
            byte[] image = FlashRig.RandomImage(128 * KiB, 20);
            using FlashRig rig = NewRig(SpiNorModels.GD25Q64C, busyTimes: true);
            rig.Chip.Load(FlashRig.RandomImage(rig.Chip.Model.Size, 22));

            WriteResult result = FlashWriter.Write(rig.Flash, 0x100000, image);

            BytesAssert.Equal(image, rig.Chip.Snapshot().AsSpan(0x100000, image.Length));
            Assert.AreEqual(2, result.ErasesBySize[64 * KiB]);
        }

        private static byte LowestSetBit(byte value) => (byte)(value & -value);

        private static byte LowestClearBit(byte value) => LowestSetBit((byte)~value);
    }
}
