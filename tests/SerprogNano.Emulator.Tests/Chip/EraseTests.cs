using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class EraseTests
    {
        [TestMethod]
        [DataRow(SpiNorOpcodes.SectorErase4K, 4 * 1024)]
        [DataRow(SpiNorOpcodes.BlockErase32K, 32 * 1024)]
        [DataRow(SpiNorOpcodes.BlockErase64K, 64 * 1024)]
        public void A_block_erase_clears_exactly_its_aligned_block(byte opcode, int size)
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);
            int inside = (3 * size) + 123;

            ChipWire.Erase(chip, opcode, inside);

            byte[] after = chip.Snapshot();
            BytesAssert.AllAre(0xFF, after.AsSpan(3 * size, size));
            Assert.AreEqual(image[(3 * size) - 1], after[(3 * size) - 1]);
            Assert.AreEqual(image[4 * size], after[4 * size]);
            Assert.AreEqual(1, chip.Erases(size));
            Assert.AreEqual(0, ChipWire.Status(chip) & 0x02, "WEL clears when the erase completes");
        }

        [TestMethod]
        public void On_the_MX25L6406E_0x52_erases_64_KiB()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.MX25L6406E, out _);

            ChipWire.Erase(chip, 0x52, 0x10000);

            BytesAssert.AllAre(0xFF, chip.Snapshot().AsSpan(0x10000, 0x10000));
            Assert.AreEqual(1, chip.Erases(64 * 1024));
        }

        [TestMethod]
        [DataRow(SpiNorOpcodes.ChipErase60)]
        [DataRow(SpiNorOpcodes.ChipEraseC7)]
        public void Chip_erase_clears_the_whole_array(byte opcode)
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q32FV, out _);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, new[] { opcode });

            BytesAssert.AllAre(0xFF, chip.Snapshot());
            Assert.AreEqual(1, chip.ChipErases);
        }

        [TestMethod]
        public void An_erase_without_WEL_does_nothing()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);

            ChipWire.Command(chip, ChipWire.Op(0x20, 0));
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.ChipEraseC7 });

            BytesAssert.Equal(image, chip.Snapshot());
            Assert.AreEqual(0, chip.Erases(4096) + chip.ChipErases);
        }

        [TestMethod]
        public void An_erase_with_bytes_after_its_address_is_not_executed()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(0x20, 0), new byte[] { 0 }));

            BytesAssert.Equal(image, chip.Snapshot());
        }

        [TestMethod]
        public void An_erase_cut_short_inside_its_address_is_not_executed()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.SectorErase4K, 0x00, 0x10 });

            BytesAssert.Equal(image, chip.Snapshot());
            Assert.AreEqual(0x02, ChipWire.Status(chip), "WEL still set");
        }
    }
}
