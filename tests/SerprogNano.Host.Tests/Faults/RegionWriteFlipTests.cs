using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>
    /// Region writes whose first erase a noisy cable moves outside the region (issue 21, finding 1): the chip must end
    /// holding the first read's bytes outside the region, never a later read of the damaged chip.
    /// </summary>
    [TestClass]
    public sealed class RegionWriteFlipTests
    {
        /// <summary>One 4 KiB sector at 0x200000; bit 5 of the top address byte of its erase sends that erase to 0x000000.</summary>
        private static readonly FlashRegion Bios = new("bios", 0x200000, 0x200FFF);

        [TestMethod]
        [DataRow(true, true, DisplayName = "extensions, backup")]
        [DataRow(true, false, DisplayName = "extensions, no backup")]
        [DataRow(false, true, DisplayName = "serprog v1, backup")]
        [DataRow(false, false, DisplayName = "serprog v1, no backup")]
        public void An_erase_moved_outside_the_region_is_repaired_from_the_first_read(bool extensions, bool backup)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions);
            byte[] old = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 81);
            byte[] image = FaultRig.Updated(old, (int)Bios.Start, (int)Bios.Size, seed: 82);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.SectorErase4K, 1, 1, 5, LinkFaultDirection.ToDevice));
            byte[]? saved = null;

            WriteResult result = FlashWriter.Write(flash, 0, image, new WriteOptions { Regions = [Bios], OldContentsNeeded = backup, BeforeChange = contents => saved = contents.ToArray() });

            Assert.AreEqual(1L, rig.Faults.BitsFlippedToDevice, "the erase was moved");
            byte[] chip = rig.Chip.Snapshot();
            BytesAssert.Equal(old[..0x1000], chip[..0x1000], "the sector the moved erase hit holds its old bytes again");
            BytesAssert.Equal(image, chip, "the region holds the image, the rest the old contents");
            Assert.IsTrue(result.Repaired, "the write says it repaired");
            Assert.AreEqual((long)old.Length, result.BytesVerified, "the whole chip was compared");
            if (backup)
            {
                BytesAssert.Equal(old, saved!, "the backup is the chip before the write");
            }
        }

        [TestMethod]
        [DataRow(true, DisplayName = "extensions")]
        [DataRow(false, DisplayName = "serprog v1")]
        public void An_erase_of_a_region_moved_outside_it_is_repaired_from_the_read_before_the_erase(bool extensions)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions);
            byte[] old = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 83);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.SectorErase4K, 1, 1, 5, LinkFaultDirection.ToDevice));

            WriteResult result = FlashEraser.EraseRegions(flash, [Bios]);

            Assert.AreEqual(1L, rig.Faults.BitsFlippedToDevice, "the erase was moved");
            byte[] expected = (byte[])old.Clone();
            expected.AsSpan((int)Bios.Start, (int)Bios.Size).Fill(0xFF);
            BytesAssert.Equal(expected, rig.Chip.Snapshot(), "the region blank, the rest as it was");
            Assert.AreEqual((long)old.Length, result.BytesVerified, "the whole chip was compared");
        }
    }
}
