using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Faults;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>
    /// A write with a backup through the extensions reads over the link only the blocks that differ from the image and are
    /// not erased; the backup must still be the whole old chip, byte for byte, or the write must stop before changing it.
    /// </summary>
    [TestClass]
    public sealed class ChangedOnlyBackupTests
    {
        private const int Block = 4096;

        [TestMethod]
        public void The_backup_is_the_old_chip_and_only_changed_blocks_cross_the_link()
        {
            using var rig = UpdateRig(out byte[] old, out byte[] image, out SpiNorFlash flash);
            int size = rig.Chip.Model.Size;
            byte[]? backup = null;
            long before = rig.Faults.BytesToHost;

            WriteResult result = FlashWriter.Write(flash, 0, image, new WriteOptions { BeforeChange = current => backup = current.ToArray() });

            Assert.AreEqual(WritePath.DeviceSide, result.Path);
            BytesAssert.Equal(old, backup!);
            BytesAssert.Equal(image, rig.Chip.Snapshot());
            long mustRead = 0;
            for (int at = 0; at < size; at += Block)
            {
                bool same = old.AsSpan(at, Block).SequenceEqual(image.AsSpan(at, Block));
                bool erased = old.AsSpan(at, Block).IndexOfAnyExcept((byte)0xFF) < 0;
                mustRead += same || erased ? 0 : Block;
            }

            long carried = rig.Faults.BytesToHost - before;
            long crcs = (size / PieceSurvey.PieceSize * 4) + (2 * (size / Block) * 4);
            Assert.IsGreaterThanOrEqualTo(mustRead, carried);
            Assert.IsLessThan(mustRead + crcs + (64 * 1024), carried, "the changed blocks, the survey's and the verify's CRCs and the wait replies; not the chip");
        }

        [TestMethod]
        public void A_region_write_reads_over_the_link_only_the_blocks_that_differ_from_the_image()
        {
            using var rig = UpdateRig(out byte[] old, out byte[] image, out SpiNorFlash flash);
            int size = rig.Chip.Model.Size;
            long before = rig.Faults.BytesToHost;
            // The top 1 MiB, where the update differs; the blocks it changes lower down are outside and stay.
            var top = new FlashRegion("top", size - (256 * Block), size - 1);

            FlashWriter.Write(flash, 0, image, new WriteOptions { Regions = [top] });

            byte[] chip = rig.Chip.Snapshot();
            BytesAssert.Equal(image.AsSpan(size - (256 * Block)).ToArray(), chip.AsSpan(size - (256 * Block)).ToArray());
            BytesAssert.Equal(old.AsSpan(0, size - (256 * Block)).ToArray(), chip.AsSpan(0, size - (256 * Block)).ToArray());
            long carried = rig.Faults.BytesToHost - before;
            // Read before the write: the top 1 MiB and the four changed blocks below it (not the 3 MiB the image already says).
            Assert.IsLessThan((256 + 4 + 64) * (long)Block, carried, "what crossed the link");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void A_link_that_flips_bits_never_gives_a_wrong_backup(int seed)
        {
            using var rig = UpdateRig(out byte[] old, out byte[] image, out SpiNorFlash flash);
            rig.Faults.SetBitFlips(2e-6, LinkFaultDirection.ToHost, seed);
            byte[]? backup = null;

            try
            {
                FlashWriter.Write(flash, 0, image, new WriteOptions { BeforeChange = current => backup = current.ToArray() });
            }
            catch (Exception e) when (e is not AssertFailedException)
            {
                Assert.IsGreaterThan(0L, rig.Faults.BitsFlippedToHost, "failed on a clean link: " + e.Message);
                if (backup == null)
                {
                    BytesAssert.Equal(old, rig.Chip.Snapshot());
                }
            }

            Assert.IsGreaterThan(0L, rig.Faults.BitsFlippedToHost, "the link flipped nothing: the test proves nothing");
            if (backup != null)
            {
                BytesAssert.Equal(old, backup);
            }
        }

        /// <summary>A 4 MiB chip holding <see cref="OldChip"/>, connected, and its <see cref="Update"/>.</summary>
        private static FaultRig UpdateRig(out byte[] old, out byte[] image, out SpiNorFlash flash)
        {
            var rig = new FaultRig(SpiNorModels.W25Q32FV);
            old = OldChip(rig.Chip.Model.Size);
            image = Update(old);
            rig.Chip.Load(old);
            flash = rig.Connect();
            return rig;
        }

        /// <summary>Descriptor and data at the bottom, erased middle, payload at the top, and blocks that are almost erased or 0x00.</summary>
        private static byte[] OldChip(int size)
        {
            byte[] old = new byte[size];
            Array.Fill(old, (byte)0xFF);
            var random = new Random(7);
            random.NextBytes(old.AsSpan(0, 16 * Block));
            random.NextBytes(old.AsSpan(size - (384 * Block)));
            old[(40 * Block) + 7] &= 0xFB;
            old[(41 * Block) + Block - 1] = 0x00;
            random.NextBytes(old.AsSpan((42 * Block) + (5 * PieceSurvey.PieceSize), PieceSurvey.PieceSize));
            old.AsSpan(43 * Block, Block).Clear();
            return old;
        }

        /// <summary>An update: the top 1 MiB new, two of the almost-erased blocks erased, one erased block given data.</summary>
        private static byte[] Update(byte[] old)
        {
            byte[] image = (byte[])old.Clone();
            new Random(8).NextBytes(image.AsSpan(old.Length - (256 * Block)));
            image.AsSpan(40 * Block, Block).Fill(0xFF);
            image.AsSpan(43 * Block, Block).Fill(0xFF);
            new Random(9).NextBytes(image.AsSpan(100 * Block, Block));
            return image;
        }
    }
}
