using System;
using System.Linq;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Chips.Protection;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.SpiNor.Protection;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.SpiNor.Protection
{
    /// <summary>The host's write-protect operations against emulated chips that honour their status registers.</summary>
    [TestClass]
    public sealed class ChipWriteProtectionTests
    {
        private static readonly ProtectedRange Top64th = new(0x7E0000, 0x20000);

        public static System.Collections.Generic.IEnumerable<object[]> ModelsWithLayouts =>
            SpiNorModels.All.Where(model => ChipDatabase.Default.FindByName(model.Name)?.WriteProtect != null).Select(model => new object[] { model.Name });

        [TestMethod]
        [DynamicData(nameof(ModelsWithLayouts))]
        public void The_emulated_chip_guards_exactly_the_range_the_host_decodes_for_every_status_value(string name)
        {
            SpiNorModel model = SpiNorModels.Find(name)!;
            WriteProtectLayout layout = ChipDatabase.Default.FindByName(name)!.WriteProtect!;
            byte[] bitsInRegister1 = layout.Bits.Where(bit => bit.Register == 1).Select(bit => bit.Mask).ToArray();
            byte mask1 = (byte)bitsInRegister1.Aggregate(0, (a, b) => a | b);
            foreach (byte status1 in Enumerable.Range(0, 256).Select(v => (byte)v).Where(v => (v & ~mask1) == 0).Distinct())
            {
                foreach (byte status2 in new byte[] { 0x00, 0x40 })
                {
                    byte[] status = [status1, status2, 0];
                    (int start, int length) = model.BlockProtection.ProtectedRange(status, model.Size);

                    ProtectedRange decoded = ProtectionRangeDecoder.Decode(layout, ProtectionBits.Read(layout, status), model.Size);

                    Assert.AreEqual(new ProtectedRange(start, length), decoded, name + " SR1=0x" + status1.ToString("X2") + " SR2=0x" + status2.ToString("X2"));
                }
            }
        }

        [TestMethod]
        public void A_range_and_hardware_mode_are_set_read_back_and_honoured_by_the_chip()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWriteProtection protection = ChipWriteProtection.For(rig.Flash)!;

            WriteProtectState state = protection.Apply(Top64th, WriteProtectMode.Hardware).After;

            Assert.AreEqual(Top64th, state.Range);
            Assert.AreEqual(WriteProtectMode.Hardware, state.Mode);
            Assert.AreEqual(0x84, rig.Flash.ReadStatus(1) & 0xFC, "SRP0 and BP0 set, as flashrom sets them");

            // The chip itself refuses an erase there: the bytes stay.
            rig.Chip.Load(Enumerable.Repeat((byte)0x5A, 8 * 1024 * 1024).ToArray());
            rig.Flash.EraseBlocks([new EraseStep(rig.Flash.Chip.EraseBlocks[0], 0x7F0000)]);
            Assert.AreEqual(0x5A, rig.Chip.Snapshot()[0x7F0000], "a protected sector is not erased");
        }

        [TestMethod]
        public void A_range_the_chip_cannot_protect_is_refused_before_any_status_write()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWriteProtection protection = ChipWriteProtection.For(rig.Flash)!;

            WriteProtectException error = Assert.ThrowsExactly<WriteProtectException>(() => protection.Apply(new ProtectedRange(0, 0x10000), null));

            StringAssert.Contains(error.Message, "cannot protect start=0x00000000 length=0x00010000");
            Assert.AreEqual(0, rig.Chip.StatusWrites);
        }

        [TestMethod]
        public void With_WP_low_in_hardware_mode_the_registers_refuse_and_the_error_says_why()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWriteProtection protection = ChipWriteProtection.For(rig.Flash)!;
            protection.Apply(Top64th, WriteProtectMode.Hardware);
            rig.Chip.WriteProtectPinLow = true;

            WriteProtectException error = Assert.ThrowsExactly<WriteProtectException>(() => protection.Apply(ProtectedRange.None, WriteProtectMode.Disabled));

            StringAssert.Contains(error.Message, "WP# pin must be high");
            Assert.AreEqual(Top64th, protection.Read().Range, "nothing changed");

            rig.Chip.WriteProtectPinLow = false;
            WriteProtectState state = protection.Apply(ProtectedRange.None, WriteProtectMode.Disabled).After;
            Assert.AreEqual(ProtectedRange.None, state.Range);
            Assert.AreEqual(WriteProtectMode.Disabled, state.Mode);
        }

        [TestMethod]
        public void A_status_register_lock_reads_as_power_cycle_mode_and_holds_until_power_off()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWriteProtection protection = ChipWriteProtection.For(rig.Flash)!;
            ChipWire.WriteStatus(rig.Chip, 0x04, 0x01);

            Assert.AreEqual(WriteProtectMode.PowerCycle, protection.Read().Mode);
            WriteProtectException error = Assert.ThrowsExactly<WriteProtectException>(() => protection.Apply(ProtectedRange.None, null));
            StringAssert.Contains(error.Message, "power the chip off and on");
            Assert.ThrowsExactly<WriteProtectException>(() => protection.Apply(null, WriteProtectMode.Permanent), "flashrom never sets the lock modes");

            rig.Chip.PowerCycle();
            Assert.AreEqual(WriteProtectMode.Disabled, protection.Read().Mode);
        }

        [TestMethod]
        public void A_write_into_the_protected_range_is_refused_before_anything_changes()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWriteProtection.For(rig.Flash)!.Apply(Top64th, null);
            byte[] before = rig.Chip.Snapshot();
            byte[] image = FlashRig.RandomImage(8 * 1024 * 1024, seed: 14);
            rig.Chip.ResetCounters();

            SpiNorException error = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(rig.Flash, 0, image));

            StringAssert.Contains(error.Message, "0x7E0000-0x7FFFFF (upper 1/64)");
            // How to lift it is the CLI's to word (--unprotect, or wp --wp-range 0,0): the library names the remedy.
            CollectionAssert.Contains(error.Remedies.ToList(), Remedy.LiftProtection);
            CollectionAssert.AreEqual(before, rig.Chip.Snapshot());
            Assert.AreEqual(0, rig.Chip.PagePrograms + rig.Chip.StatusWrites + rig.Chip.CommandCount(0x20) + rig.Chip.CommandCount(0x52) + rig.Chip.CommandCount(0xD8) + rig.Chip.CommandCount(0x02), "nothing was sent that changes the chip");
        }

        [TestMethod]
        public void A_write_that_leaves_the_protected_range_alone_goes_ahead_and_keeps_the_protection()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);
            ChipWriteProtection protection = ChipWriteProtection.For(rig.Flash)!;
            protection.Apply(Top64th, null);
            byte[] image = FlashRig.RandomImage(8 * 1024 * 1024, seed: 15);
            Array.Fill(image, (byte)0xFF, 0x7E0000, 0x20000);

            FlashWriter.Write(rig.Flash, 0, image);

            CollectionAssert.AreEqual(image, rig.Chip.Snapshot());
            Assert.AreEqual(Top64th, protection.Read().Range);
        }

        [TestMethod]
        public void Unprotect_lifts_the_range_for_the_write()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);
            ChipWriteProtection protection = ChipWriteProtection.For(rig.Flash)!;
            protection.Apply(new ProtectedRange(0, 0x20000), null);
            byte[] image = FlashRig.RandomImage(8 * 1024 * 1024, seed: 16);

            FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { ClearProtection = true });

            CollectionAssert.AreEqual(image, rig.Chip.Snapshot());
            Assert.AreEqual(ProtectedRange.None, protection.Read().Range);
        }

        [TestMethod]
        public void An_sst25_part_that_powers_up_protected_is_unprotected_without_being_asked()
        {
            using var rig = new FlashRig(SpiNorModels.SST25VF040B);
            Assert.AreNotEqual(0, rig.Flash.ReadProtectionBits(), "SST25VF040B powers up with BP0-BP2 set");
            byte[] image = FlashRig.RandomImage(512 * 1024, seed: 17);

            FlashWriter.Write(rig.Flash, 0, image);

            CollectionAssert.AreEqual(image, rig.Chip.Snapshot());
            Assert.AreEqual(0, rig.Flash.ReadProtectionBits());
        }

        [TestMethod]
        public void A_part_without_a_known_layout_has_no_write_protection_object_and_stops_a_write_while_protected()
        {
            using var rig = new FlashRig(SpiNorModels.EN25QH64);
            Assert.IsNull(ChipWriteProtection.For(rig.Flash));
            ChipWire.WriteStatus(rig.Chip, 0x04);

            SpiNorException error = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(rig.Flash, 0, FlashRig.RandomImage(8 * 1024 * 1024, seed: 18)));

            StringAssert.Contains(error.Message, "protection layout unknown");
        }
    }
}
