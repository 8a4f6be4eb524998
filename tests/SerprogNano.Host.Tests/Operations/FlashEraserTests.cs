using System;
using System.Collections.Generic;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Tests.Doubles;

namespace SerprogNano.Host.Tests.Operations
{
    [TestClass]
    public sealed class FlashEraserTests
    {
        private const int KiB = 1024;

        [TestMethod]
        public void A_whole_chip_erase_uses_64_KiB_blocks_and_reads_back_blank()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);
            rig.Chip.Load(FlashRig.RandomImage(rig.Chip.Model.Size, 50));

            IReadOnlyDictionary<int, int> erases = FlashEraser.Erase(rig.Flash, 0, rig.Flash.Size);

            Assert.AreEqual(64, erases[64 * KiB]);
            Assert.HasCount(1, erases);
            Assert.IsLessThan(0, rig.Chip.Snapshot().AsSpan().IndexOfAnyExcept((byte)0xFF));
        }

        [TestMethod]
        public void An_erase_the_chip_ignores_fails_its_read_back()
        {
            using var rig = new FlashRig(SpiNorModels.SST25VF040B);
            rig.Chip.Load(FlashRig.RandomImage(rig.Chip.Model.Size, 51));

            var e = Assert.ThrowsExactly<VerifyFailedException>(() => FlashEraser.Erase(rig.Flash, 0x10000, 4 * KiB));

            Assert.AreEqual(0x10000L, e.Address, "the block is protected, so the erase did nothing");
        }
    }
}
