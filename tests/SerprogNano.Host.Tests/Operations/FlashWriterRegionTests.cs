using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Operations;
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
    }
}
