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
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 40);
            rig.Chip.Load(image);

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0, image.Length, 2);

            Assert.IsTrue(result.Consistent);
            Assert.HasCount(2, result.PassHashes);
            Assert.AreEqual(result.PassHashes[0], result.PassHashes[1]);
            Assert.AreEqual(MultiPassReader.Hash(image), result.PassHashes[0]);
            BytesAssert.Equal(image, result.Data);
        }

        [TestMethod]
        public void Flipping_bits_make_the_passes_disagree()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);
            rig.Chip.Faults.SetReadBitFlips(1e-6, seed: 5);

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0, rig.Chip.Model.Size, 2);

            Assert.IsFalse(result.Consistent);
            Assert.AreNotEqual(result.PassHashes[0], result.PassHashes[1]);
            Assert.IsNotNull(result.FirstMismatch);
        }
    }
}
