using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class FaultTests
    {
        [TestMethod]
        public void Read_bit_flips_come_at_about_the_set_rate_and_repeat_with_the_seed()
        {
            const int Length = 1 << 20;
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            chip.Faults.SetReadBitFlips(1e-4, seed: 42);
            byte[] first = ChipWire.Read(chip, 0, Length);
            long flipped = chip.Faults.BitsFlipped;
            chip.Faults.SetReadBitFlips(1e-4, seed: 42);
            byte[] second = ChipWire.Read(chip, 0, Length);

            double expected = Length * 8 * 1e-4; // about 839
            Assert.IsTrue(flipped > expected * 0.8 && flipped < expected * 1.2, $"{flipped} flips");
            CollectionAssert.AreEqual(first, second);
            BytesAssert.AllAre(0xFF, chip.Snapshot()); // the array itself is untouched
        }

        [TestMethod]
        public void Bit_flips_hit_only_array_reads_and_stop_when_the_rate_is_zero()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            chip.Faults.SetReadBitFlips(1.0, seed: 1);

            byte[] id = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3);
            byte[] flipped = ChipWire.Read(chip, 0, 4);
            chip.Faults.SetReadBitFlips(0, seed: 1);
            byte[] clean = ChipWire.Read(chip, 0, 4);

            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, id);
            CollectionAssert.AreEqual(new byte[4], flipped, "every bit inverted at rate 1");
            CollectionAssert.AreEqual(ChipWire.Filled(4, 0xFF), clean);
        }

        [TestMethod]
        public void A_failing_page_completes_its_program_but_keeps_its_old_bytes()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            chip.Faults.FailingPageAddress = 0x1234;

            ChipWire.PageProgram(chip, 0x1200, ChipWire.Pattern(256));
            ChipWire.PageProgram(chip, 0x1300, ChipWire.Pattern(256));

            BytesAssert.AllAre(0xFF, ChipWire.Read(chip, 0x1200, 256));
            CollectionAssert.AreEqual(ChipWire.Pattern(256), ChipWire.Read(chip, 0x1300, 256));
            Assert.AreEqual(0, ChipWire.Status(chip));
            Assert.AreEqual(2, chip.PagePrograms);
        }

        [TestMethod]
        public void A_chip_stuck_busy_shows_WIP_forever_and_hears_nothing_else()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            chip.Faults.StuckBusy = true;

            ChipWire.PageProgram(chip, 0, new byte[] { 0 });
            byte[] id = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3);
            byte status = ChipWire.Status(chip);
            chip.Faults.StuckBusy = false;

            Assert.AreEqual(0x01, status);
            CollectionAssert.AreEqual(ChipWire.Filled(3, 0xFF), id);
            Assert.AreEqual(0xFF, chip.Snapshot()[0]);
            Assert.AreEqual(0, ChipWire.Status(chip));
        }

        [TestMethod]
        public void An_absent_chip_reads_all_ones_and_executes_nothing()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            chip.Faults.Absent = true;

            byte[] id = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3);
            ChipWire.PageProgram(chip, 0, new byte[] { 0 });
            byte status = ChipWire.Status(chip);
            chip.Faults.Absent = false;

            CollectionAssert.AreEqual(ChipWire.Filled(3, 0xFF), id);
            Assert.AreEqual(0xFF, status);
            Assert.AreEqual(0xFF, chip.Snapshot()[0]);
            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3));
        }

        [TestMethod]
        public void MISO_shorted_low_reads_all_zeros_while_the_chip_still_obeys()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            chip.Faults.MisoShortedLow = true;

            byte[] id = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3);
            ChipWire.PageProgram(chip, 0, new byte[] { 0x12 });
            byte[] data = ChipWire.Read(chip, 0, 1);

            CollectionAssert.AreEqual(new byte[3], id);
            CollectionAssert.AreEqual(new byte[1], data);
            Assert.AreEqual(0x12, chip.Snapshot()[0]);
        }

        [TestMethod]
        public void Clear_brings_back_a_healthy_chip()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            chip.Faults.SetReadBitFlips(0.5, seed: 3);
            chip.Faults.FailingPageAddress = 0;
            chip.Faults.StuckBusy = true;
            chip.Faults.Absent = true;
            chip.Faults.MisoShortedLow = true;

            chip.Faults.Clear();
            ChipWire.PageProgram(chip, 0, new byte[] { 0x12 });

            CollectionAssert.AreEqual(new byte[] { 0x12, 0xFF }, ChipWire.Read(chip, 0, 2));
        }
    }
}
