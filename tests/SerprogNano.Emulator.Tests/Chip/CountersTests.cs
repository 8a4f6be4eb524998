using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class CountersTests
    {
        [TestMethod]
        public void Counters_track_commands_programs_erases_and_reads_until_reset()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.PageProgram(chip, 0, new byte[] { 1 });
            ChipWire.PageProgram(chip, 256, new byte[] { 1 });
            ChipWire.Erase(chip, 0x20, 0);
            ChipWire.Erase(chip, SpiNorOpcodes.BlockErase64K, 0);
            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.ChipEraseC7 });
            ChipWire.Read(chip, 0, 100);
            ChipWire.Status(chip);

            Assert.AreEqual(5, chip.CommandCount(SpiNorOpcodes.WriteEnable));
            Assert.AreEqual(2, chip.CommandCount(SpiNorOpcodes.PageProgram));
            Assert.AreEqual(1, chip.CommandCount(SpiNorOpcodes.ReadStatus));
            Assert.AreEqual(2, chip.PagePrograms);
            Assert.AreEqual(1, chip.Erases(4096));
            Assert.AreEqual(0, chip.Erases(32 * 1024));
            Assert.AreEqual(1, chip.Erases(64 * 1024));
            Assert.AreEqual(1, chip.ChipErases);
            Assert.AreEqual(100, chip.BytesRead);

            chip.ResetCounters();

            Assert.AreEqual(0, chip.CommandCount(SpiNorOpcodes.WriteEnable));
            Assert.AreEqual(0, chip.PagePrograms + chip.Erases(4096) + chip.Erases(64 * 1024) + chip.ChipErases + chip.BytesRead);
        }
    }
}
