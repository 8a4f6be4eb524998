using System;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>The emulator's deterministic frame flips: one chosen bit of one chosen frame or reply, as a noisy cable hits it.</summary>
    [TestClass]
    public sealed class FrameBitFlipTests
    {
        private const int Sector = 4096;

        [TestMethod]
        [DataRow(true, DisplayName = "O_NANO_SPIOP_WAIT")]
        [DataRow(false, DisplayName = "O_SPIOP")]
        public void A_flipped_address_bit_in_the_first_erase_moves_it_and_only_it(bool extensions)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions);
            byte[] old = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 5);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            // Bit 5 of the address's top byte: 0x200000 becomes 0x000000.
            rig.Faults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.SectorErase4K, 1, 1, 5, LinkFaultDirection.ToDevice));
            EraseBlockType sector = flash.Addressing.EraseBlocks.First(block => block.Size == Sector);
            EraseStep[] erases = [new EraseStep(sector, 0x200000), new EraseStep(sector, 0x300000)];

            if (extensions)
            {
                DeviceSideFlash.For(flash)!.EraseAndProgram(erases, [], null);
            }
            else
            {
                flash.EraseBlocks(erases);
            }

            byte[] chip = rig.Chip.Snapshot();
            Assert.AreEqual(1L, rig.Faults.BitsFlippedToDevice);
            Assert.IsEmpty(rig.Faults.PendingFrameFlips, "the flip strikes once");
            Assert.IsTrue(Array.TrueForAll(chip[..Sector], b => b == 0xFF), "the first erase landed at 0x000000");
            CollectionAssert.AreEqual(old[0x200000..(0x200000 + Sector)], chip[0x200000..(0x200000 + Sector)], "nothing erased where it was meant to");
            Assert.IsTrue(Array.TrueForAll(chip[0x300000..(0x300000 + Sector)], b => b == 0xFF), "the second erase is untouched");
        }

        [TestMethod]
        public void A_flipped_bit_in_the_reply_to_the_nth_status_read_reaches_the_host_once()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            SpiNorFlash flash = rig.Connect();
            byte status2 = flash.ReadStatus(2);
            rig.Faults.FlipFrameBit(new FrameBitFlip(SerprogOpcode.SpiOperation, SpiNorOpcodes.ReadStatus2, 2, 0, 1, LinkFaultDirection.ToHost));

            byte first = flash.ReadStatus(2);
            byte second = flash.ReadStatus(2);
            byte third = flash.ReadStatus(2);

            Assert.AreEqual(status2, first, "the first RDSR2 after arming is not the one chosen");
            Assert.AreEqual(status2 ^ 0x02, second, "bit 1 of the second reply's first byte after ACK is inverted");
            Assert.AreEqual(status2, third);
            Assert.AreEqual(1L, rig.Faults.BitsFlippedToHost);
        }

        [TestMethod]
        public void Frames_are_counted_by_serprog_opcode_through_variable_length_frames_and_replies()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions: false);
            byte[] old = FlashRig.RandomImage(SpiNorModels.W25Q32FV.Size, seed: 6);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            var before = new byte[256];
            flash.Read(0x10000, before);
            // Byte 0 of the reply is the ACK; byte 1 the first data byte read. The two reads before it are long replies to count through.
            rig.Faults.FlipFrameBit(new FrameBitFlip(SerprogOpcode.SpiOperation, null, 3, 1, 7, LinkFaultDirection.ToHost));

            var reads = new byte[3][];
            for (int i = 0; i < reads.Length; i++)
            {
                reads[i] = new byte[256];
                flash.Master.Execute([SpiNorCommands.Read(SpiNorOpcodes.Read, 0x10000, 3, 0, reads[i])]);
            }

            CollectionAssert.AreEqual(before, reads[0]);
            CollectionAssert.AreEqual(before, reads[1]);
            Assert.AreEqual(before[0] ^ 0x80, reads[2][0]);
            CollectionAssert.AreEqual(before[1..], reads[2][1..]);
        }
    }
}
