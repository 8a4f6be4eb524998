using SerprogNano.Chips.Protection;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.SpiNor.Protection;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.SpiNor.Protection
{
    /// <summary>The one status register write: settled reads before, QE and one-time locks never sent changed, every bit compared after.</summary>
    [TestClass]
    public sealed class StatusRegisterWriteTests
    {
        [TestMethod]
        [DataRow((byte)0x0A, "SR2 bit 3 (a one-time lock", DisplayName = "LB1 set (WRSR 80 0A)")]
        [DataRow((byte)0x00, "SR2 bit 1 (QE", DisplayName = "QE cleared")]
        public void A_value_that_changes_QE_or_a_one_time_lock_is_refused_before_anything_is_sent(byte status2, string named)
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(rig.Chip, 0x84, 0x02);
            rig.Chip.ResetCounters();
            byte[] before = StatusRegisterWrite.ReadSettled(rig.Flash);

            WriteProtectException error = Assert.ThrowsExactly<WriteProtectException>(() => StatusRegisterWrite.Write(rig.Flash, before, [0x80, status2], 2, ""));

            StringAssert.Contains(error.Message, named);
            StringAssert.Contains(error.Message, "Nothing was written");
            Assert.AreEqual(0, rig.Chip.StatusWrites);
            Assert.AreEqual(0x02, rig.Flash.ReadStatus(2));
        }

        [TestMethod]
        public void Wp_disable_keeps_QE_and_says_what_changed_in_every_register()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(rig.Chip, 0x84, 0x02);

            WriteProtectChange change = ChipWriteProtection.For(rig.Flash)!.Apply(ProtectedRange.None, WriteProtectMode.Disabled);

            Assert.AreEqual("SR1 0x84 -> 0x00, SR2 0x02 (unchanged)", change.StatusRegisters);
            Assert.AreEqual(0x02, rig.Flash.ReadStatus(2), "QE stays set");
        }

        [TestMethod]
        public void Clearing_an_sst25_parts_power_up_protection_says_what_changed()
        {
            using var rig = new FlashRig(SpiNorModels.SST25VF040B);

            Assert.AreEqual("SR1 0x1C -> 0x00", rig.Flash.ClearProtection());
        }
    }
}
