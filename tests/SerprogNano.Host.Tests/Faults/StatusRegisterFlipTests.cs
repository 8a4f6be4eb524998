using SerprogNano.Chips;
using SerprogNano.Chips.Protection;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.SpiNor.Protection;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>
    /// Status register writes over a noisy link (issue 21, finding 3): a W25Q64FV with QE set (SR2=0x02), hardware
    /// protection of the top 1/64 (SR1=0x84), and `wp --wp-disable --wp-range 0,0` with one bit flipped on the way.
    /// </summary>
    [TestClass]
    public sealed class StatusRegisterFlipTests
    {
        private const byte QuadEnable = 0x02;

        private static (FaultRig Rig, SpiNorFlash Flash) QuadEnabledChip(bool extensions)
        {
            var rig = new FaultRig(SpiNorModels.W25Q64FV, extensions);
            ChipWire.WriteStatus(rig.Chip, 0x84, QuadEnable);
            return (rig, rig.Connect());
        }

        [TestMethod]
        [DataRow(1, true, DisplayName = "QE read as 0, O_NANO_SPIOP_WAIT programmer")]
        [DataRow(3, true, DisplayName = "LB1 read as 1, O_NANO_SPIOP_WAIT programmer")]
        [DataRow(3, false, DisplayName = "LB1 read as 1, serprog v1 programmer")]
        public void A_bit_flipped_in_an_RDSR2_reply_is_not_written_back(int bit, bool extensions)
        {
            (FaultRig rig, SpiNorFlash flash) = QuadEnabledChip(extensions);
            using (rig)
            {
                rig.Faults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.ReadStatus2, 1, 0, bit, LinkFaultDirection.ToHost));

                WriteProtectChange change = ChipWriteProtection.For(flash)!.Apply(ProtectedRange.None, WriteProtectMode.Disabled);

                Assert.AreEqual(1L, rig.Faults.BitsFlippedToHost, "the flip struck");
                Assert.AreEqual(QuadEnable, ChipWire.Status(rig.Chip, SpiNorOpcodes.ReadStatus2), "QE kept, no one-time lock set");
                Assert.AreEqual(0x00, ChipWire.Status(rig.Chip));
                Assert.AreEqual("SR1 0x84 -> 0x00, SR2 0x02 (unchanged)", change.StatusRegisters);
            }
        }

        [TestMethod]
        public void Status_reads_that_never_agree_stop_the_change_before_anything_is_written()
        {
            (FaultRig rig, SpiNorFlash flash) = QuadEnabledChip(extensions: true);
            using (rig)
            {
                // Every other RDSR2 reply flipped: no two reads in a row agree.
                foreach (int nth in new[] { 1, 3, 5 })
                {
                    rig.Faults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.ReadStatus2, nth, 0, 1, LinkFaultDirection.ToHost));
                }

                rig.Chip.ResetCounters();
                WriteProtectException error = Assert.ThrowsExactly<WriteProtectException>(() => ChipWriteProtection.For(flash)!.Apply(ProtectedRange.None, WriteProtectMode.Disabled));

                StringAssert.Contains(error.Message, "read differently 5 times in a row");
                StringAssert.Contains(error.Message, "unreliable");
                StringAssert.Contains(error.Message, "Nothing was written");
                Assert.AreEqual(0, rig.Chip.StatusWrites);
            }
        }

        [TestMethod]
        public void A_bit_flipped_in_the_sent_WRSR_is_found_by_comparing_every_bit_after_the_write()
        {
            (FaultRig rig, SpiNorFlash flash) = QuadEnabledChip(extensions: true);
            using (rig)
            {
                // Byte 2 of the WRSR is SR2: QE arrives cleared; the protection bits in SR1 arrive as sent.
                rig.Faults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.WriteStatus, 1, 2, 1, LinkFaultDirection.ToDevice));

                WriteProtectException error = Assert.ThrowsExactly<WriteProtectException>(() => ChipWriteProtection.For(flash)!.Apply(ProtectedRange.None, WriteProtectMode.Disabled));

                StringAssert.Contains(error.Message, "read back other than written (sent SR1=0x80 SR2=0x02; read SR1=0x80 SR2=0x00; before SR1=0x84 SR2=0x02)");
                StringAssert.Contains(error.Message, "Bits that were not to change changed too (SR2 bit 1 (QE, quad enable))");
            }
        }

        [TestMethod]
        public void A_write_taken_in_part_is_blamed_on_the_link_not_on_WP()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(rig.Chip, 0x9C, QuadEnable);
            SpiNorFlash flash = rig.Connect();
            // Byte 1 of the WRSR is SR1: BP0 arrives still set, BP1 and BP2 cleared as sent.
            rig.Faults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.WriteStatus, 1, 1, 2, LinkFaultDirection.ToDevice));

            WriteProtectException error = Assert.ThrowsExactly<WriteProtectException>(() => ChipWriteProtection.For(flash)!.Apply(ProtectedRange.None, WriteProtectMode.Disabled));

            StringAssert.Contains(error.Message, "damaged on its way to the chip, not refused by it");
            Assert.IsFalse(error.Message.Contains("WP#", System.StringComparison.Ordinal), error.Message);
        }
    }
}
