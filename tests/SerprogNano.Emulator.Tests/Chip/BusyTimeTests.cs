using System;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class BusyTimeTests
    {
        private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

        [TestMethod]
        public void Busy_times_are_off_by_default()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            ChipWire.Erase(chip, SpiNorOpcodes.BlockErase64K, 0);

            Assert.AreEqual(0, ChipWire.Status(chip));
        }

        [TestMethod]
        public void After_a_page_program_WIP_and_WEL_read_1_for_the_typical_time()
        {
            var (chip, clock) = TimedChip(SpiNorModels.W25Q64FV);

            ChipWire.PageProgram(chip, 0, new byte[] { 0x00 });
            byte busy = ChipWire.Status(chip);
            clock.Advance(chip.Model.PageProgramTime - Tick);
            byte stillBusy = ChipWire.Status(chip);
            clock.Advance(Tick);
            byte done = ChipWire.Status(chip);

            Assert.AreEqual(SpiNorStatusBits.WriteInProgress | SpiNorStatusBits.WriteEnableLatch, busy);
            Assert.AreEqual(SpiNorStatusBits.WriteInProgress | SpiNorStatusBits.WriteEnableLatch, stillBusy);
            Assert.AreEqual(0, done);
            Assert.AreEqual(0x00, chip.Snapshot()[0], "the data changes at once");
        }

        [TestMethod]
        [DataRow(SpiNorOpcodes.SectorErase4K)]
        [DataRow(SpiNorOpcodes.BlockErase32K)]
        [DataRow(SpiNorOpcodes.BlockErase64K)]
        public void Each_erase_keeps_WIP_for_its_own_typical_time(byte opcode)
        {
            var (chip, clock) = TimedChip(SpiNorModels.GD25Q64C);
            TimeSpan typical = chip.Model.EraseTypes.First(e => e.Opcode == opcode).TypicalTime;

            ChipWire.Erase(chip, opcode, 0);
            clock.Advance(typical - Tick);
            byte busy = ChipWire.Status(chip);
            clock.Advance(Tick);

            Assert.AreEqual(SpiNorStatusBits.WriteInProgress, busy & SpiNorStatusBits.WriteInProgress);
            Assert.AreEqual(0, ChipWire.Status(chip));
        }

        [TestMethod]
        public void Chip_erase_and_status_writes_take_their_typical_times()
        {
            var (chip, clock) = TimedChip(SpiNorModels.W25Q128FV);

            ChipWire.WriteStatus(chip, 0x00);
            clock.Advance(chip.Model.WriteStatusTime - Tick);
            byte statusWriteBusy = ChipWire.Status(chip);
            clock.Advance(Tick);
            ChipWire.WriteEnable(chip);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.ChipErase60 });
            clock.Advance(chip.Model.ChipEraseTime - Tick);
            byte chipEraseBusy = ChipWire.Status(chip);
            clock.Advance(Tick);

            Assert.AreEqual(SpiNorStatusBits.WriteInProgress, statusWriteBusy & SpiNorStatusBits.WriteInProgress);
            Assert.AreEqual(SpiNorStatusBits.WriteInProgress, chipEraseBusy & SpiNorStatusBits.WriteInProgress);
            Assert.AreEqual(0, ChipWire.Status(chip));
        }

        [TestMethod]
        public void While_busy_every_command_but_a_status_read_is_ignored_with_MISO_high()
        {
            var (chip, clock) = TimedChip(SpiNorModels.W25Q64FV);
            ChipWire.PageProgram(chip, 0, new byte[] { 0x00 });

            byte[] read = ChipWire.Read(chip, 0, 2);
            byte[] id = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 3);
            ChipWire.PageProgram(chip, 1, new byte[] { 0x00 });
            byte status2 = ChipWire.Status(chip, SpiNorOpcodes.ReadStatus2);
            clock.Advance(chip.Model.PageProgramTime);

            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF }, read);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0xFF }, id);
            Assert.AreEqual(0x00, status2, "status register 2 can be read while busy");
            CollectionAssert.AreEqual(new byte[] { 0x00, 0xFF }, ChipWire.Read(chip, 0, 2));
            Assert.AreEqual(0, ChipWire.Status(chip) & SpiNorStatusBits.WriteEnableLatch, "the WREN sent while busy was ignored");
        }

        [TestMethod]
        public void One_long_RDSR_sees_WIP_drop_when_the_time_has_passed()
        {
            var (chip, clock) = TimedChip(SpiNorModels.W25Q64FV);
            ChipWire.Erase(chip, 0x20, 0);
            var first = new byte[3];
            var second = new byte[2];

            chip.Select();
            chip.Exchange(new byte[] { SpiNorOpcodes.ReadStatus, 0xFF, 0xFF }, first);
            clock.Advance(TimeSpan.FromSeconds(1));
            chip.Exchange(new byte[] { 0xFF, 0xFF }, second);
            chip.Deselect();

            CollectionAssert.AreEqual(new byte[] { 0xFF, SpiNorStatusBits.WriteInProgress | SpiNorStatusBits.WriteEnableLatch, SpiNorStatusBits.WriteInProgress | SpiNorStatusBits.WriteEnableLatch }, first);
            CollectionAssert.AreEqual(new byte[] { 0, 0 }, second);
        }

        [TestMethod]
        public void A_refused_program_on_a_protected_page_is_not_busy()
        {
            var (chip, _) = TimedChip(SpiNorModels.W25Q64FV);
            ChipWire.Command(chip, new[] { SpiNorOpcodes.EnableWriteStatus });
            ChipWire.Command(chip, new byte[] { SpiNorOpcodes.WriteStatus, 0x1C }); // volatile write: no WREN, no write time

            ChipWire.PageProgram(chip, 0, new byte[] { 0x00 });

            Assert.AreEqual(0x1C, ChipWire.Status(chip) & 0x1F, "neither busy nor write-enabled");
        }

        private static (EmulatedSpiNor Chip, FakeTimeProvider Clock) TimedChip(SpiNorModel model)
        {
            var clock = new FakeTimeProvider();
            var chip = new EmulatedSpiNor(model, new EmulatedSpiNorOptions { BusyTimes = true, TimeProvider = clock });
            return (chip, clock);
        }
    }
}
