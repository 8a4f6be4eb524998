using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class SstAaiTests
    {

        [TestMethod]
        public void The_SST25VF040B_powers_up_with_the_whole_array_protected()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);

            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.PageProgram, 0), new byte[] { 0x00 }));

            Assert.AreEqual(0x1C, ChipWire.Status(chip));
            Assert.AreEqual(0xFF, chip.Snapshot()[0]);
        }

        [TestMethod]
        public void EWSR_then_WRSR_clears_the_protection()
        {
            var chip = UnprotectedSst();

            Assert.AreEqual(0x00, ChipWire.Status(chip));
        }

        [TestMethod]
        public void Byte_program_0x02_programs_one_byte_and_refuses_more()
        {
            var chip = UnprotectedSst();

            ChipWire.PageProgram(chip, 0x10, new byte[] { 0x42 });
            ChipWire.PageProgram(chip, 0x20, new byte[] { 0x42, 0x43 });

            CollectionAssert.AreEqual(new byte[] { 0x42, 0xFF }, ChipWire.Read(chip, 0x10, 2));
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF }, ChipWire.Read(chip, 0x20, 2));
            Assert.AreEqual(1, chip.PagePrograms);
        }

        [TestMethod]
        public void An_AAI_sequence_programs_consecutive_words_until_WRDI()
        {
            var chip = UnprotectedSst();

            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.AaiWordProgram, 0x101), new byte[] { 1, 2 }));
            byte during = ChipWire.Status(chip);
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.AaiWordProgram, 3, 4 });
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.AaiWordProgram, 5, 6 });
            ChipWire.Command(chip, new[] { SpiNorOpcodes.WriteDisable });
            byte after = ChipWire.Status(chip);

            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6, 0xFF }, ChipWire.Read(chip, 0x100, 7), "A0 of the start address is ignored");
            Assert.AreEqual(SpiNorStatusBits.SstAaiActive | SpiNorStatusBits.WriteEnableLatch, during);
            Assert.AreEqual(0, after);
            Assert.AreEqual(3, chip.AaiWordPrograms);
        }

        [TestMethod]
        public void During_AAI_only_AAI_RDSR_and_WRDI_are_heard()
        {
            var chip = UnprotectedSst();
            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.AaiWordProgram, 0), new byte[] { 1, 2 }));

            byte[] read = ChipWire.Read(chip, 0, 2);
            byte[] id = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3);
            ChipWire.Erase(chip, 0x20, 0);
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.AaiWordProgram, 3, 4 });

            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF }, read);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0xFF }, id);
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4 }, chip.Snapshot()[..4]);
        }

        [TestMethod]
        public void AAI_without_WREN_does_nothing()
        {
            var chip = UnprotectedSst();

            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.AaiWordProgram, 0), new byte[] { 1, 2 }));

            Assert.AreEqual(0, ChipWire.Status(chip));
            Assert.AreEqual(0xFF, chip.Snapshot()[0]);
        }

        [TestMethod]
        public void AAI_ends_by_itself_at_the_top_of_the_array()
        {
            var chip = UnprotectedSst();
            int last = chip.Model.Size - 2;

            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.AaiWordProgram, last), new byte[] { 7, 8 }));

            Assert.AreEqual(0, ChipWire.Status(chip));
            CollectionAssert.AreEqual(new byte[] { 7, 8 }, chip.Snapshot()[last..]);
        }

        private static EmulatedSpiNor UnprotectedSst()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.EnableWriteStatus });
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus, 0x00 });
            return chip;
        }
    }
}
