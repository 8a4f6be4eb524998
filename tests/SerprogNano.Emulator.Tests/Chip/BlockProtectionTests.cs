using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class BlockProtectionTests
    {
        private const int MiB = 1024 * 1024;

        [TestMethod]
        [DataRow(0x04, 8 * MiB - (128 * 1024), 128 * 1024)] // BP=1: upper 1/64
        [DataRow(0x0C, 8 * MiB - (512 * 1024), 512 * 1024)] // BP=3: upper 1/16
        [DataRow(0x18, 4 * MiB, 4 * MiB)] // BP=6: upper half
        [DataRow(0x1C, 0, 8 * MiB)] // BP=7: everything
        [DataRow(0x24, 0, 128 * 1024)] // TB + BP=1: lower 1/64
        [DataRow(0x00, 0, 0)]
        [DataRow(0x44, 8 * MiB - (4 * 1024), 4 * 1024)] // SEC + BP=1: top 4 KiB sector
        [DataRow(0x54, 8 * MiB - (32 * 1024), 32 * 1024)] // SEC + BP=5: top 32 KiB
        [DataRow(0x5C, 0, 8 * MiB)] // SEC + BP=7: everything
        [DataRow(0x64, 0, 4 * 1024)] // SEC + TB + BP=1: bottom 4 KiB sector
        public void The_W25Q64FV_BP_TB_and_SEC_bits_select_its_datasheet_ranges(int status1, int start, int length)
        {
            var range = SpiNorModels.W25Q64FV.BlockProtection.ProtectedRange(new byte[] { (byte)status1, 0, 0 }, 8 * MiB);

            Assert.AreEqual((start, length), range);
        }

        [TestMethod]
        [DataRow(0x04, 64 * 1024)] // BP=0001: top 64 KiB
        [DataRow(0x24, 16 * MiB)] // BP=1001: upper half
        [DataRow(0x28, 32 * MiB)] // BP=1010: everything
        public void The_W25Q256JV_four_BP_bits_start_at_one_64_KiB_block(int status1, int length)
        {
            var range = SpiNorModels.W25Q256JV.BlockProtection.ProtectedRange(new byte[] { (byte)status1, 0, 0 }, 32 * MiB);

            Assert.AreEqual((32 * MiB - length, length), range);
        }

        [TestMethod]
        [DataRow(0x04, 0, 8 * MiB - (128 * 1024))] // BP=1: all but the upper 1/64
        [DataRow(0x24, 128 * 1024, 8 * MiB - (128 * 1024))] // TB + BP=1: all but the lower 1/64
        [DataRow(0x00, 0, 8 * MiB)] // nothing complemented is everything
        [DataRow(0x1C, 0, 0)] // everything complemented is nothing
        public void CMP_in_status_register_2_protects_the_rest_of_the_array_instead(int status1, int start, int length)
        {
            var range = SpiNorModels.W25Q64FV.BlockProtection.ProtectedRange(new byte[] { (byte)status1, 0x40, 0 }, 8 * MiB);

            Assert.AreEqual((start, length), range);
        }

        [TestMethod]
        public void With_CMP_set_programs_land_only_in_the_unprotected_top()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(chip, 0x04, 0x40);

            ChipWire.PageProgram(chip, 0, new byte[] { 0 });
            ChipWire.PageProgram(chip, chip.Model.Size - 1, new byte[] { 0 });

            Assert.AreEqual(0xFF, chip.Snapshot()[0]);
            Assert.AreEqual(0x00, chip.Snapshot()[^1]);
        }

        [TestMethod]
        public void A_program_into_a_protected_area_is_ignored_and_clears_WEL()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(chip, 0x04);
            int top = chip.Model.Size - 256;

            ChipWire.PageProgram(chip, top, ChipWire.Pattern(256));

            BytesAssert.AllAre(0xFF, ChipWire.Read(chip, top, 256));
            Assert.AreEqual(0x04, ChipWire.Status(chip), "WEL cleared, BP bits kept");
            Assert.AreEqual(0, chip.PagePrograms);
        }

        [TestMethod]
        public void Programs_below_the_protected_area_still_work()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(chip, 0x04);
            int below = chip.Model.Size - (128 * 1024) - 256;

            ChipWire.PageProgram(chip, below, ChipWire.Pattern(256));

            CollectionAssert.AreEqual(ChipWire.Pattern(256), ChipWire.Read(chip, below, 256));
        }

        [TestMethod]
        public void An_erase_overlapping_the_protected_area_is_ignored_and_clears_WEL()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);
            ChipWire.WriteStatus(chip, 0x04);

            ChipWire.Erase(chip, SpiNorOpcodes.BlockErase64K, chip.Model.Size - 1);

            BytesAssert.Equal(image, chip.Snapshot());
            Assert.AreEqual(0, ChipWire.Status(chip) & 0x02);
        }

        [TestMethod]
        public void Chip_erase_is_ignored_while_any_block_is_protected()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);
            ChipWire.WriteStatus(chip, 0x24);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, new[] { SpiNorOpcodes.ChipEraseC7 });

            BytesAssert.Equal(image, chip.Snapshot());
            Assert.AreEqual(0, chip.ChipErases);
        }

        [TestMethod]
        public void With_TB_set_the_bottom_is_protected_and_the_top_is_not()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.GD25Q64C);
            ChipWire.WriteStatus(chip, 0x24);

            ChipWire.PageProgram(chip, 0, new byte[] { 0 });
            ChipWire.PageProgram(chip, chip.Model.Size - 1, new byte[] { 0 });

            CollectionAssert.AreEqual(new byte[] { 0xFF }, ChipWire.Read(chip, 0, 1));
            CollectionAssert.AreEqual(new byte[] { 0x00 }, ChipWire.Read(chip, chip.Model.Size - 1, 1));
        }
    }
}
