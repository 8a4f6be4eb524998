using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class PageProgramTests
    {
        [TestMethod]
        public void PP_writes_the_bytes_and_clears_WEL()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            byte[] data = ChipWire.Pattern(256);

            ChipWire.PageProgram(chip, 0x1000, data);

            CollectionAssert.AreEqual(data, ChipWire.Read(chip, 0x1000, 256));
            Assert.AreEqual(0, ChipWire.Status(chip) & 0x02);
            Assert.AreEqual(1, chip.PagePrograms);
        }

        [TestMethod]
        public void PP_without_WEL_does_nothing()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.PageProgram, 0), ChipWire.Pattern(16)));

            CollectionAssert.AreEqual(ChipWire.Filled(16, 0xFF), ChipWire.Read(chip, 0, 16));
            Assert.AreEqual(0, chip.PagePrograms);
        }

        [TestMethod]
        public void PP_can_only_clear_bits()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.PageProgram(chip, 0x20, new byte[] { 0xF0, 0x0F, 0xAA });
            ChipWire.PageProgram(chip, 0x20, new byte[] { 0x3C, 0xFF, 0x55 });

            CollectionAssert.AreEqual(new byte[] { 0x30, 0x0F, 0x00 }, ChipWire.Read(chip, 0x20, 3));
        }

        [TestMethod]
        public void PP_wraps_inside_the_page_instead_of_running_into_the_next()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.PageProgram(chip, 0x3FE, new byte[] { 1, 2, 3, 4 });

            CollectionAssert.AreEqual(new byte[] { 3, 4, 0xFF }, ChipWire.Read(chip, 0x300, 3));
            CollectionAssert.AreEqual(new byte[] { 0xFF, 1, 2, 0xFF }, ChipWire.Read(chip, 0x3FD, 4));
        }

        [TestMethod]
        public void Of_more_than_a_page_only_the_last_page_worth_is_programmed()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            byte[] data = ChipWire.Pattern(300);

            ChipWire.PageProgram(chip, 0x500, data);

            byte[] expected = new byte[256];
            for (int i = 0; i < 300; i++)
            {
                expected[i % 256] = data[i];
            }

            CollectionAssert.AreEqual(expected, ChipWire.Read(chip, 0x500, 256));
        }

        [TestMethod]
        public void PP_data_split_over_exchanges_is_programmed_whole_at_CS_rise()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            byte[] data = ChipWire.Pattern(256, seed: 3);
            var miso = new byte[256];
            ChipWire.WriteEnable(chip);

            chip.Select();
            chip.Exchange(ChipWire.Op(SpiNorOpcodes.PageProgram, 0x2000), miso.AsSpan(0, 4));
            chip.Exchange(data.AsSpan(0, 100), miso.AsSpan(0, 100));
            Assert.AreEqual(0xFF, chip.Snapshot()[0x2000], "nothing is programmed before CS rises");
            chip.Exchange(data.AsSpan(100), miso.AsSpan(100));
            chip.Deselect();

            CollectionAssert.AreEqual(data, ChipWire.Read(chip, 0x2000, 256));
        }

        [TestMethod]
        public void A_PP_cut_short_programs_the_whole_bytes_it_received()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.PageProgram(chip, 0x10, new byte[] { 0x12, 0x34 });

            CollectionAssert.AreEqual(new byte[] { 0x12, 0x34, 0xFF }, ChipWire.Read(chip, 0x10, 3));
        }

        [TestMethod]
        public void PP_with_the_address_but_no_data_keeps_the_array_and_WEL()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            ChipWire.WriteEnable(chip);

            ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.PageProgram, 0x10));

            Assert.AreEqual(0, chip.PagePrograms);
            Assert.AreEqual(0x02, ChipWire.Status(chip));
        }
    }
}
