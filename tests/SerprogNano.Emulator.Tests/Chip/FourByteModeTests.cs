using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class FourByteModeTests
    {
        private const int High = 0x1ABCD00; // above 16 MiB

        [TestMethod]
        public void In_3_byte_mode_READ_reaches_only_the_lowest_16_MiB()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q256JV, out byte[] image);

            byte[] data = ChipWire.Read(chip, High, 4);

            CollectionAssert.AreEqual(image[(High & 0xFFFFFF)..((High & 0xFFFFFF) + 4)], data);
        }

        [TestMethod]
        public void After_EN4B_the_3_byte_opcodes_take_4_address_bytes_and_EX4B_undoes_it()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q256JV, out byte[] image);

            ChipWire.Command(chip, new[] { SpiNorOpcodes.Enter4ByteMode });
            byte[] high = ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.Read, High, 4), 4);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.Exit4ByteMode });
            byte[] low = ChipWire.Read(chip, 0x000100, 4);

            CollectionAssert.AreEqual(image[High..(High + 4)], high);
            CollectionAssert.AreEqual(image[0x100..0x104], low);
        }

        [TestMethod]
        public void In_4_byte_mode_PP_and_SE_address_the_upper_half()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q256JV);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.Enter4ByteMode });

            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.PageProgram, High, 4), new byte[] { 0x5A }));
            byte programmed = chip.Snapshot()[High];
            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Op(0x20, High, 4));

            Assert.AreEqual(0x5A, programmed);
            Assert.AreEqual(0xFF, chip.Snapshot()[High]);
            Assert.AreEqual(1, chip.Erases(4096));
        }

        [TestMethod]
        public void The_4_byte_opcodes_work_in_3_byte_mode()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q256JV);

            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.PageProgram4Byte, High, 4), new byte[] { 0x11, 0x22 }));
            byte[] read4 = ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.Read4Byte, High, 4), 2);
            byte[] fastRead4 = ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.FastRead4Byte, High, 4), new byte[] { 0 }), 2);
            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.BlockErase64K4Byte, High, 4));
            byte afterBe4 = chip.Snapshot()[High];

            CollectionAssert.AreEqual(new byte[] { 0x11, 0x22 }, read4);
            CollectionAssert.AreEqual(new byte[] { 0x11, 0x22 }, fastRead4);
            Assert.AreEqual(0xFF, afterBe4);
            Assert.AreEqual(1, chip.Erases(64 * 1024));
        }

        [TestMethod]
        public void SE4_0x21_erases_a_4_KiB_sector_above_16_MiB()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.MX25L25635F, out _);

            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Op(0x21, High, 4));

            BytesAssert.AllAre(0xFF, chip.Snapshot().AsSpan(High & ~0xFFF, 4096));
        }

        [TestMethod]
        [DataRow("W25Q256JV", 0x01)]
        [DataRow("MX25L25635F", 0x20)]
        public void The_address_mode_shows_in_the_register_read_by_0x15(string name, int mask)
        {
            var chip = new EmulatedSpiNor(SpiNorModels.Find(name)!);

            byte before = ChipWire.Status(chip, SpiNorOpcodes.ReadStatus3);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.Enter4ByteMode });
            byte during = ChipWire.Status(chip, SpiNorOpcodes.ReadStatus3);
            chip.PowerCycle();
            byte afterPowerCycle = ChipWire.Status(chip, SpiNorOpcodes.ReadStatus3);

            Assert.AreEqual(0, before & mask);
            Assert.AreEqual(mask, during & mask);
            Assert.AreEqual(0, afterPowerCycle & mask);
        }

        [TestMethod]
        public void Parts_of_16_MiB_or_less_ignore_EN4B()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q128FV, out byte[] image);

            ChipWire.Command(chip, new[] { SpiNorOpcodes.Enter4ByteMode });
            byte[] data = ChipWire.Read(chip, 0x000200, 2);

            CollectionAssert.AreEqual(image[0x200..0x202], data);
        }
    }
}
