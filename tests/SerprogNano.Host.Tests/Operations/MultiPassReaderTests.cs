using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    [TestClass]
    public sealed class MultiPassReaderTests
    {
        [TestMethod]
        public void Passes_of_a_sound_link_agree_and_hash_alike()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV, extensions: false);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 40);
            rig.Chip.Load(image);

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0, image.Length, 2);

            Assert.IsTrue(result.Consistent);
            Assert.HasCount(2, result.PassHashes);
            Assert.AreEqual(0, result.DeviceCrcPasses);
            Assert.AreEqual(result.PassHashes[0], result.PassHashes[1]);
            Assert.AreEqual(MultiPassReader.Hash(image), result.PassHashes[0]);
            BytesAssert.Equal(image, result.Data);
        }

        /// <summary>The chip is still read twice over the wiring, but the second pass sends only CRCs over the link.</summary>
        [TestMethod]
        public void With_the_extensions_later_passes_are_crcs_made_on_the_programmer()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 41);
            rig.Chip.Load(image);
            rig.Chip.ResetCounters();

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0, image.Length, 3);

            Assert.IsTrue(result.Consistent);
            Assert.HasCount(1, result.PassHashes, "one pass crossed the link");
            Assert.AreEqual(2, result.DeviceCrcPasses);
            Assert.AreEqual(PieceSurvey.PieceSize, result.CrcWindowSize);
            Assert.AreEqual(3L * image.Length, rig.Chip.BytesRead, "the chip itself was read three times: pass 1 over the link (surveying as it reads), passes 2 and 3 on the programmer");
            BytesAssert.Equal(image, result.Data);
        }

        [TestMethod]
        [DataRow(false, DisplayName = "serprog v1: two reads")]
        [DataRow(true, DisplayName = "extensions: a read and the programmer's CRCs")]
        public void Flipping_bits_make_the_passes_disagree(bool extensions)
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV, extensions: extensions);
            rig.Chip.Faults.SetReadBitFlips(1e-6, seed: 5);

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0, rig.Chip.Model.Size, 2);

            Assert.IsFalse(result.Consistent);
            Assert.IsNotNull(result.FirstMismatch);
            if (!extensions)
            {
                Assert.AreNotEqual(result.PassHashes[0], result.PassHashes[1]);
            }
        }

        /// <summary>A range that is not whole erase blocks cannot be checked by block CRCs: it is read again.</summary>
        [TestMethod]
        public void A_range_of_part_blocks_is_read_again_over_the_link()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 42);
            rig.Chip.Load(image);

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0x100, 10_000, 2);

            Assert.IsTrue(result.Consistent);
            Assert.HasCount(2, result.PassHashes);
            Assert.AreEqual(0, result.DeviceCrcPasses);
        }
    }
}
