using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    /// <summary>The chip behind the engine's emulated bus, driven the way the engine drives it.</summary>
    [TestClass]
    public sealed class ChipOnBusTests
    {
        [TestMethod]
        public void Write_then_read_under_one_chip_select_reaches_the_chip()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            var bus = new EmulatedSpiBus(chip);
            var id = new byte[3];

            bus.Drive();
            bus.SetChipSelect(true);
            bus.Write(new[] { SpiNorOpcodes.ReadJedecId }, 0, 1);
            bus.Read(id, 0, 3);
            bus.SetChipSelect(false);

            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, id);
            Assert.AreEqual(1, chip.CommandCount(SpiNorOpcodes.ReadJedecId));
        }

        [TestMethod]
        public void A_page_program_sent_in_pieces_lands_when_the_bus_raises_chip_select()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            var bus = new EmulatedSpiBus(chip);
            byte[] data = ChipWire.Pattern(256);
            byte[] command = ChipWire.Op(SpiNorOpcodes.PageProgram, 0x4000);

            bus.Drive();
            bus.SetChipSelect(true);
            bus.Write(new[] { SpiNorOpcodes.WriteEnable }, 0, 1);
            bus.SetChipSelect(false);
            bus.SetChipSelect(true);
            bus.Write(command, 0, command.Length);
            bus.Write(data, 0, 128);
            bus.Write(data, 128, 128);
            bus.SetChipSelect(false);

            CollectionAssert.AreEqual(data, chip.Snapshot()[0x4000..0x4100]);
        }
    }
}
