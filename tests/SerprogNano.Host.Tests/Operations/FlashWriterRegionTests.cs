using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>FlashWriter with <see cref="WriteOptions.Regions"/>: the image inside the regions, the chip's own bytes outside.</summary>
    [TestClass]
    public sealed class FlashWriterRegionTests
    {
        /// <summary>Starts and ends inside 4 KiB sectors, so both edge sectors hold bytes from outside it.</summary>
        private static readonly FlashRegion Mid = new("mid", 0x1800, 0x127FF);

        private static (FlashRig Rig, byte[] Old, byte[] Image) Rig(int seed, bool extensions = true)
        {
            var rig = new FlashRig(SpiNorModels.W25Q32FV, extensions: extensions);
            byte[] old = FlashRig.RandomImage(rig.Chip.Model.Size, seed);
            rig.Chip.Load(old);
            rig.Chip.ResetCounters();
            return (rig, old, FlashRig.RandomImage(rig.Chip.Model.Size, seed + 1));
        }

        [TestMethod]
        public void Only_the_region_changes_and_its_edge_sectors_keep_the_bytes_outside_it()
        {
            var (rig, old, image) = Rig(60);
            using (rig)
            {
                WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid] });

                byte[] chip = rig.Chip.Snapshot();
                BytesAssert.Equal(image[0x1800..0x12800], chip[0x1800..0x12800]);
                BytesAssert.Equal(old[..0x1800], chip[..0x1800]);
                BytesAssert.Equal(old[0x12800..], chip[0x12800..]);
                Assert.AreEqual(old.Length, result.BytesVerified, "the whole chip was read back");
                // Sectors 0x1000-0x12FFF: 0x8000-0xFFFF as one 32 KiB block, the rest as 4 KiB sectors; no 64 KiB block lies inside.
                Assert.AreEqual(10, rig.Chip.Erases(4 * 1024));
                Assert.AreEqual(1, rig.Chip.Erases(32 * 1024));
                Assert.AreEqual(0, rig.Chip.Erases(64 * 1024));
            }
        }

        [TestMethod]
        public void A_round_that_damages_kept_bytes_never_ends_in_success_with_the_damage_taken_for_the_old_contents()
        {
            var (rig, old, image) = Rig(62);
            using (rig)
            {
                // 0x1000-0x10FF lies outside the region but in its first sector: erased with it, it never takes its
                // old bytes back. A later round that re-read the chip and kept "what is there" would report success
                // over 256 lost bytes (a GbE region's MAC address, say).
                rig.Chip.Faults.FailingPageAddress = 0x1000;

                var e = Assert.ThrowsExactly<VerifyFailedException>(() => FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid] }));

                Assert.AreEqual(0x1000L, e.Address);
                StringAssert.Contains(e.Message, "NOT");
                BytesAssert.Equal(image[0x1800..0x12800], rig.Chip.Snapshot()[0x1800..0x12800]);
            }
        }

        [TestMethod]
        public void Without_the_full_check_serprog_v1_reads_back_only_the_region_and_the_blocks_it_shares()
        {
            var (rig, old, image) = Rig(64, extensions: false);
            using (rig)
            {
                WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid], VerifyAll = false });

                Assert.AreEqual(0x12000L, result.BytesVerified, "0x1000-0x12FFF: the region widened to its edge sectors");
                BytesAssert.Equal(old[..0x1800], rig.Chip.Snapshot()[..0x1800]);
            }
        }

        [TestMethod]
        public void With_the_extensions_a_region_write_compares_the_whole_chip_by_crc_even_without_the_full_check()
        {
            var (rig, old, image) = Rig(66);
            using (rig)
            {
                WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid], VerifyAll = false });

                Assert.AreEqual((long)old.Length, result.BytesVerified, "every erase block's CRC-32 was compared");
                BytesAssert.Equal(old[..0x1800], rig.Chip.Snapshot()[..0x1800]);
            }
        }

        [TestMethod]
        public void A_read_error_repeated_in_every_read_before_the_write_is_never_written_outside_the_regions()
        {
            var (rig, old, image) = Rig(68);
            using (rig)
            {
                // 0x3A20A lies in an erase block the write has no reason to touch. Its two reads before the write agree
                // on a flipped bit (on a link that flips no other, two suffice), the reads after it do not: rewriting the
                // block "back" from the reads before would change the one byte of it that nobody asked to change.
                old[0x3A20A] = 0x45;
                rig.Chip.Load(old);
                rig.Chip.Faults.FlipBitInNextReads(0x3A20A, bit: 4, reads: 2);

                var e = Assert.ThrowsExactly<VerifyFailedException>(() => FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid] }));

                Assert.IsTrue(e.Conclusive, "another round could only write there");
                StringAssert.Contains(e.Message, "0x03A000-0x03AFFF");
                StringAssert.Contains(e.Message, "Nothing was written there");
                byte[] chip = rig.Chip.Snapshot();
                BytesAssert.Equal(image[0x1800..0x12800], chip[0x1800..0x12800]);
                BytesAssert.Equal(old[0x12800..], chip[0x12800..]);
                Assert.AreEqual(10, rig.Chip.Erases(4 * 1024), "only the sectors of the region were erased");
            }
        }

        [TestMethod]
        public void A_read_error_repeated_in_every_read_before_the_write_is_corrected_before_a_shared_sector_is_erased()
        {
            var (rig, old, image) = Rig(70);
            using (rig)
            {
                // 0x1200 is kept (outside the region) in the region's first sector, which must be erased: the bytes put
                // back must be the chip's, though the two reads before the write agreed on something else.
                rig.Chip.Faults.FlipBitInNextReads(0x1200, bit: 0, reads: 2);

                FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid] });

                byte[] chip = rig.Chip.Snapshot();
                BytesAssert.Equal(old[..0x1800], chip[..0x1800]);
                BytesAssert.Equal(image[0x1800..0x12800], chip[0x1800..0x12800]);
            }
        }

        [TestMethod]
        public void An_erase_that_went_outside_the_regions_is_repaired_from_the_reads_before_the_write()
        {
            var (rig, old, image) = Rig(72);
            using (rig)
            {
                // As a flipped address bit would: the sector at 0x3A000 is erased while the write runs.
                bool strayErase = true;
                var options = new WriteOptions
                {
                    Regions = [Mid],
                    Planned = _ =>
                    {
                        if (strayErase)
                        {
                            byte[] now = rig.Chip.Snapshot();
                            now.AsSpan(0x3A000, 0x1000).Fill(0xFF);
                            rig.Chip.Load(now);
                            strayErase = false;
                        }
                    },
                };

                WriteResult result = FlashWriter.Write(rig.Flash, 0, image, options);

                Assert.IsTrue(result.Repaired);
                byte[] chip = rig.Chip.Snapshot();
                BytesAssert.Equal(old[0x12800..], chip[0x12800..]);
                BytesAssert.Equal(image[0x1800..0x12800], chip[0x1800..0x12800]);
            }
        }

        [TestMethod]
        public void A_link_that_flips_too_many_bits_to_keep_the_bytes_outside_the_regions_is_refused_before_anything_changes()
        {
            var (rig, old, image) = Rig(74);
            using (rig)
            {
                rig.Chip.Faults.SetReadBitFlips(1e-4, seed: 74);

                var e = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid] }));

                StringAssert.Contains(e.Message, "flipped");
                StringAssert.Contains(e.Message, "Nothing was changed");
                rig.Chip.Faults.Clear();
                BytesAssert.Equal(old, rig.Chip.Snapshot());
                Assert.AreEqual(0, rig.Chip.Erases(4 * 1024));
            }
        }

        [TestMethod]
        public void A_link_that_flips_a_few_bits_still_writes_the_region_and_keeps_the_rest()
        {
            var (rig, old, image) = Rig(76);
            using (rig)
            {
                // About 170 flipped bits per read of the chip: below what the write refuses, well above what settles at once.
                rig.Chip.Faults.SetReadBitFlips(5e-6, seed: 76);

                FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Regions = [Mid] });

                rig.Chip.Faults.Clear();
                byte[] chip = rig.Chip.Snapshot();
                BytesAssert.Equal(old[..0x1800], chip[..0x1800]);
                BytesAssert.Equal(image[0x1800..0x12800], chip[0x1800..0x12800]);
                BytesAssert.Equal(old[0x12800..], chip[0x12800..]);
            }
        }
    }
}
