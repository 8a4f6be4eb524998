using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class UnknownOpcodeTests
    {
        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0x4B)] // unique ID read: not emulated
        [DataRow(0xB9)] // deep power-down: not emulated
        [DataRow(0xFF)]
        public void An_unknown_opcode_is_ignored_with_MISO_high_and_counted(int opcode)
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            ChipWire.WriteEnable(chip);

            byte[] miso = ChipWire.Transfer(chip, new byte[] { (byte)opcode, 0, 0, 0, 0, 0 });

            CollectionAssert.AreEqual(ChipWire.Filled(6, 0xFF), miso);
            Assert.AreEqual(0x02, ChipWire.Status(chip), "state untouched");
            Assert.AreEqual(1, chip.CommandCount((byte)opcode));
        }

        [TestMethod]
        public void The_4_byte_opcodes_are_unknown_to_a_3_byte_part()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.W25Q64FV, out _);

            byte[] data = ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.Read4Byte, 0, 4), 2);

            CollectionAssert.AreEqual(ChipWire.Filled(2, 0xFF), data);
        }
    }
}
