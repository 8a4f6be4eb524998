using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>
    /// One bit of an O_NANO_SPIOP_WAIT_RUN, or of its reply, flipped on the link: the write ends with the image on the
    /// chip and VERIFIED (the CRC round re-does what the run left unknown), or with an error that blames the link;
    /// never VERIFIED over a chip that differs.
    /// </summary>
    [TestClass]
    public sealed class WaitRunFlipTests
    {
        private const int Size = 4 * 1024 * 1024;

        [TestMethod]
        [DataRow(LinkFaultDirection.ToDevice, 1, 1, true, DisplayName = "write enable 0x06 arrives as 0x04 (WRDI): the run programs nothing")]
        [DataRow(LinkFaultDirection.ToDevice, 2, 7, false, DisplayName = "status opcode 0x05 arrives as 0x85: polls read 0xFF until the time-out")]
        [DataRow(LinkFaultDirection.ToDevice, 6, 0, false, DisplayName = "operation length 260 arrives as 261: the run eats the next frame, whose rest reads as a wait that times out")]
        [DataRow(LinkFaultDirection.ToDevice, 8, 0, false, DisplayName = "count arrives one less: the last page's bytes are read as frames, one a wait that times out")]
        [DataRow(LinkFaultDirection.ToDevice, 9 + 4 + 100, 3, true, DisplayName = "a data byte of the first page")]
        [DataRow(LinkFaultDirection.ToHost, 1, 0, true, DisplayName = "reply: completed count one off")]
        [DataRow(LinkFaultDirection.ToHost, 2, 0, true, DisplayName = "reply: done arrives as timed out")]
        public void A_flipped_run_never_ends_in_a_false_verified(LinkFaultDirection direction, int byteIndex, int bit, bool verifies)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] old = FlashRig.RandomImage(Size, seed: 141);
            byte[] image = FaultRig.Updated(old, 0x100000, 64 * 1024, seed: 142);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.FlipFrameBit(new FrameBitFlip(SerprogNanoOpcode.SpiOperationWaitRun, null, 2, byteIndex, bit, direction));

            if (!verifies)
            {
                var e = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(flash, 0, image, new WriteOptions()));
                StringAssert.Contains(e.Message, "damaged on the link");
                Assert.AreEqual(1L, rig.Faults.BitsFlippedToDevice);
                return;
            }

            WriteResult result = FlashWriter.Write(flash, 0, image, new WriteOptions());

            Assert.AreEqual(1L, rig.Faults.BitsFlippedToDevice + rig.Faults.BitsFlippedToHost, "the run's frame or reply was hit");
            Assert.AreEqual(Size, result.BytesVerified);
            CollectionAssert.AreEqual(image, rig.Chip.Snapshot(), "VERIFIED only over the image");
        }
    }
}
