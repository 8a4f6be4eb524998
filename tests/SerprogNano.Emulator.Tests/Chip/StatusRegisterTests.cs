using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class StatusRegisterTests
    {

        [TestMethod]
        public void WREN_sets_WEL_and_WRDI_clears_it()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            byte before = ChipWire.Status(chip);
            ChipWire.WriteEnable(chip);
            byte enabled = ChipWire.Status(chip);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.WriteDisable });
            byte disabled = ChipWire.Status(chip);

            Assert.AreEqual(0, before & SpiNorStatusBits.WriteEnableLatch);
            Assert.AreEqual(SpiNorStatusBits.WriteEnableLatch, enabled & SpiNorStatusBits.WriteEnableLatch);
            Assert.AreEqual(0, disabled & SpiNorStatusBits.WriteEnableLatch);
        }

        [TestMethod]
        public void WREN_followed_by_more_bytes_in_the_same_cycle_is_not_executed()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteEnable, 0x00 });

            Assert.AreEqual(0, ChipWire.Status(chip) & SpiNorStatusBits.WriteEnableLatch);
        }

        [TestMethod]
        public void RDSR_outputs_the_register_continuously_while_CS_is_low()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            ChipWire.WriteEnable(chip);

            byte[] status = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadStatus }, 5);

            CollectionAssert.AreEqual(ChipWire.Filled(5, SpiNorStatusBits.WriteEnableLatch), status);
        }

        [TestMethod]
        public void WRSR_without_WEL_changes_nothing()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus, 0x1C });

            Assert.AreEqual(0, ChipWire.Status(chip));
            Assert.AreEqual(0, chip.StatusWrites);
        }

        [TestMethod]
        public void WRSR_writes_the_writable_bits_and_clears_WEL_but_never_sets_WIP_or_WEL()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.WriteStatus(chip, 0xFF);

            Assert.AreEqual(0xFC, ChipWire.Status(chip));
            Assert.AreEqual(1, chip.StatusWrites);
        }

        [TestMethod]
        public void A_security_register_lock_bit_written_as_1_stays_set_through_every_write_and_power_cycle()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            // The WRSR a flipped RDSR2 reply once made: QE and LB1.
            ChipWire.WriteStatus(chip, 0x80, 0x0A);
            byte set = ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2);
            ChipWire.WriteStatus(chip, 0x00, 0x00);
            byte cleared = ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2);
            chip.PowerCycle();

            Assert.AreEqual(0x0A, set);
            Assert.AreEqual(0x08, cleared, "QE clears, LB1 does not");
            Assert.AreEqual(0x08, ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2), "nor does a power cycle");
        }

        [TestMethod]
        public void A_two_byte_WRSR_writes_status_register_2_on_Winbond_parts()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.WriteStatus(chip, 0x04, 0x02);

            Assert.AreEqual(0x04, ChipWire.Status(chip));
            Assert.AreEqual(0x02, ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2));
        }

        [TestMethod]
        public void A_one_byte_WRSR_leaves_status_register_2_alone()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(chip, 0x00, 0x02);

            ChipWire.WriteStatus(chip, 0x08);

            Assert.AreEqual(0x02, ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2));
        }

        [TestMethod]
        public void WRSR_with_more_bytes_than_the_part_takes_is_ignored()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.MX25L6406E);

            ChipWire.WriteStatus(chip, 0x04, 0x00);

            Assert.AreEqual(SpiNorStatusBits.WriteEnableLatch, ChipWire.Status(chip));
        }

        [TestMethod]
        public void WRSR2_0x31_writes_status_register_2_where_the_part_has_it()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q128FV);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus2, 0x40 });

            Assert.AreEqual(0x40, ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2));
            Assert.AreEqual(0, ChipWire.Status(chip) & SpiNorStatusBits.WriteEnableLatch);
        }

        [TestMethod]
        public void A_part_without_0x31_and_0x35_ignores_them_with_MISO_high()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.MX25L6406E);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus2, 0x40 });

            Assert.AreEqual(0xFF, ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2));
            Assert.AreEqual(SpiNorStatusBits.WriteEnableLatch, ChipWire.Status(chip), "the ignored 0x31 did not use up WEL");
        }

        [TestMethod]
        public void On_Macronix_F_parts_the_second_WRSR_byte_lands_in_the_configuration_register()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.MX25L12835F);

            ChipWire.WriteStatus(chip, 0x00, 0x40);

            Assert.AreEqual(0x40, ChipWire.Status(chip, SpiNorOpcodes.ReadStatus3));
        }

        [TestMethod]
        public void EWSR_lets_only_the_very_next_command_write_the_status_register()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.Command(chip, new[] { SpiNorOpcodes.EnableWriteStatus });
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus, 0x04 });
            ChipWire.Command(chip, new[] { SpiNorOpcodes.EnableWriteStatus });
            ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3);
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus, 0x08 });

            Assert.AreEqual(0x04, ChipWire.Status(chip));
        }

        [TestMethod]
        public void WRSR3_0x11_writes_the_writable_bits_of_status_register_3_but_not_the_address_mode_bit()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q256JV);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus3, 0x63 });

            Assert.AreEqual(0x62, ChipWire.Status(chip, SpiNorOpcodes.ReadStatus3), "ADP (bit 1) written, ADS (bit 0) only follows the mode");
        }

        [TestMethod]
        public void A_power_cycle_restores_the_power_up_registers_and_keeps_the_array()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.EnableWriteStatus });
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus, 0x00 });
            ChipWire.PageProgram(chip, 0, new byte[] { 0x42 });
            ChipWire.WriteEnable(chip);

            chip.PowerCycle();

            Assert.AreEqual(0x1C, ChipWire.Status(chip));
            Assert.AreEqual(0x42, chip.Snapshot()[0]);
        }
    }
}
