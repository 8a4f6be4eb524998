using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>Issue 21, finding 13: a device-side wait that a noisy link spoiled blames the link, not the clip or the chip's supply.</summary>
    [TestClass]
    public sealed class DeviceWaitFlipTests
    {
        [TestMethod]
        public void A_status_opcode_flipped_on_the_way_to_the_programmer_is_blamed_on_the_link()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] chip = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 131);
            byte[] image = FaultRig.Updated(chip, 0x10000, 0x1000, seed: 132);
            rig.Chip.Load(chip);
            SpiNorFlash flash = rig.Connect();
            // Frame byte 2 of the first O_NANO_SPIOP_WAIT (the erase) is its status opcode: 0x05 arrives as 0x85,
            // which the chip does not know, so the programmer polls 0xFF until its time-out.
            rig.Faults.FlipFrameBit(new FrameBitFlip(SerprogNanoOpcode.SpiOperationWait, null, 1, 2, 7, LinkFaultDirection.ToDevice));

            var e = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(flash, 0, image, new WriteOptions()));

            Assert.AreEqual(1L, rig.Faults.BitsFlippedToDevice, "the wait's frame was hit");
            StringAssert.Contains(e.Message, "damaged on the link");
            Assert.IsFalse(e.Message.Contains("supply", System.StringComparison.Ordinal), e.Message);
        }

        [TestMethod]
        public void A_chip_that_stays_busy_is_still_blamed_on_the_clip_and_supply()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] chip = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 133);
            rig.Chip.Load(chip);
            SpiNorFlash flash = rig.Connect();
            rig.Chip.Faults.StuckBusy = true;

            var e = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(flash, 0, FaultRig.Updated(chip, 0x10000, 0x1000, seed: 134), new WriteOptions()));

            StringAssert.Contains(e.Message, "check the clip and the chip's supply");
        }
    }
}
