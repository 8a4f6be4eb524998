using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>Issue 21, finding 5: the verify by the programmer's CRC-32 tells the same truth as the v1 read-back.</summary>
    [TestClass]
    public sealed class CrcVerifyCountTests
    {
        [TestMethod]
        [DataRow(true, DisplayName = "extensions")]
        [DataRow(false, DisplayName = "serprog v1")]
        public void A_chip_that_differs_in_many_blocks_is_reported_with_every_differing_byte_counted(bool extensions)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions);
            byte[] chip = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 95);
            byte[] file = FaultRig.Updated(chip, 0x10000, 0x300000, seed: 96);
            rig.Chip.Load(chip);
            SpiNorFlash flash = rig.Connect();
            long expectedCount = 0;
            for (int i = 0; i < chip.Length; i++)
            {
                expectedCount += chip[i] != file[i] ? 1 : 0;
            }

            var e = Assert.ThrowsExactly<VerifyFailedException>(() => FlashVerifier.Verify(flash, 0, file));

            Assert.AreEqual(expectedCount, e.MismatchedBytes);
            int expectedFirst = chip.AsSpan().CommonPrefixLength(file);
            Assert.AreEqual((long)expectedFirst, e.Address);
            Assert.AreEqual((file[expectedFirst], chip[expectedFirst]), (e.Expected, e.Actual), "(file, chip) at the first difference");
        }

        [TestMethod]
        public void A_flipped_bit_in_a_crc_reply_on_a_correct_chip_is_no_failure()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] chip = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 97);
            rig.Chip.Load(chip);
            SpiNorFlash flash = rig.Connect();
            // Byte 1 of the reply: the first CRC's low byte, right after the ACK.
            rig.Faults.FlipFrameBit(new FrameBitFlip(SerprogNanoOpcode.FlashCrc32, null, 1, 1, 0, LinkFaultDirection.ToHost));

            long verified = FlashVerifier.Verify(flash, 0, chip);

            Assert.AreEqual(1L, rig.Faults.BitsFlippedToHost, "the CRC reply was hit");
            Assert.AreEqual((long)chip.Length, verified);
        }
    }
}
