using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.SpiNor
{
    [TestClass]
    public sealed class SpiNorFlashTests
    {
        private const int KiB = 1024;

        [TestMethod]
        public void Read_returns_the_whole_chip_and_reports_progress()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 1);
            rig.Chip.Load(image);
            var reports = new List<long>();

            var read = new byte[image.Length];
            rig.Flash.Read(0, read, new SynchronousProgress<long>(reports.Add));

            BytesAssert.Equal(image, read);
            Assert.AreEqual(image.Length, reports[^1]);
            Assert.IsGreaterThan(1, reports.Count);
        }

        [TestMethod]
        public void Read_of_a_range_in_chunks_no_longer_than_the_device_allows()
        {
            var model = SpiNorModels.GD25Q64C;
            var chip = new EmulatedSpiNor(model);
            byte[] image = FlashRig.RandomImage(model.Size, 2);
            chip.Load(image);
            var emulator = new Emulator.SerprogEmulator(chip, new Engine.EngineSettings { ProgrammerName = "small", MaxReadLength = 1000 });
            using var client = Rig.Connect(emulator);
            var flash = new SpiNorFlash(new SerprogSpiMaster(client), SerprogNano.Chips.ChipDatabase.Default.FindByName("GD25Q64C")!, SerprogDeviceSide.Of(client));

            var read = new byte[10_000];
            flash.Read(0x12345, read);

            BytesAssert.Equal(image.AsSpan(0x12345, 10_000).ToArray(), read);
            Assert.AreEqual(10, chip.CommandCount(SpiNorOpcodes.Read));
        }

        [TestMethod]
        public void A_device_that_cannot_take_a_whole_page_gets_it_in_pieces()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.GD25Q64C);
            var emulator = new Emulator.SerprogEmulator(chip, new Engine.EngineSettings { ProgrammerName = "tiny", MaxWriteLength = 100 });
            using var client = Rig.Connect(emulator);
            var flash = new SpiNorFlash(new SerprogSpiMaster(client), SerprogNano.Chips.ChipDatabase.Default.FindByName("GD25Q64C")!, SerprogDeviceSide.Of(client));
            byte[] data = FlashRig.RandomImage(4096, 8);

            flash.Program(0x2000, data);

            Assert.AreEqual(64, flash.ProgramUnit);
            BytesAssert.Equal(data, chip.Snapshot().AsSpan(0x2000, data.Length));
        }

        [TestMethod]
        public void Erase_picks_the_largest_aligned_blocks_and_touches_nothing_else()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);
            byte[] image = FlashRig.RandomImage(rig.Chip.Model.Size, 3);
            rig.Chip.Load(image);

            IReadOnlyList<EraseStep> steps = rig.Flash.Erase(0x1000, 0x20000);

            Assert.AreEqual(8, rig.Chip.Erases(4 * KiB), "0x1000-0x7FFF and 0x20000");
            Assert.AreEqual(1, rig.Chip.Erases(32 * KiB), "0x8000");
            Assert.AreEqual(1, rig.Chip.Erases(64 * KiB), "0x10000");
            Assert.HasCount(10, steps);
            byte[] after = rig.Chip.Snapshot();
            Assert.IsTrue(after.AsSpan(0x1000, 0x20000).IndexOfAnyExcept((byte)0xFF) < 0);
            BytesAssert.Equal(image[..0x1000], after[..0x1000]);
            BytesAssert.Equal(image[0x21000..], after[0x21000..]);
        }

        [TestMethod]
        public void Erase_of_an_unaligned_range_is_refused()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q32FV);

            Assert.ThrowsExactly<ArgumentException>(() => rig.Flash.Erase(0x800, 0x1000));
        }

        [TestMethod]
        public void Program_writes_across_pages_from_an_unaligned_address()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);
            byte[] data = FlashRig.RandomImage(5000, 4);

            rig.Flash.Program(0x100F0, data);

            BytesAssert.Equal(data, rig.Chip.Snapshot().AsSpan(0x100F0, 5000));
            Assert.AreEqual(21, rig.Chip.PagePrograms, "16 bytes, 19 whole pages, 168 bytes");
        }

        [TestMethod]
        public void Program_with_busy_times_on_still_lands_every_page()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C, busyTimes: true);
            byte[] data = FlashRig.RandomImage(64 * KiB, 5);

            rig.Flash.Program(0x40000, data);

            BytesAssert.Equal(data, rig.Chip.Snapshot().AsSpan(0x40000, data.Length));
            Assert.IsGreaterThanOrEqualTo(256, rig.Chip.PagePrograms);
        }

        [TestMethod]
        [DataRow("W25Q256JV")]
        [DataRow("MX25L25635F")]
        public void Parts_over_16_MiB_are_read_erased_and_programmed_past_16_MiB(string name)
        {
            using var rig = new FlashRig(SpiNorModels.Find(name)!);
            byte[] data = FlashRig.RandomImage(64 * KiB, 6);
            const int address = 0x1FF0000;

            rig.Flash.Program(address, data);
            var read = new byte[data.Length];
            rig.Flash.Read(address, read);
            rig.Flash.Erase(0x1000000, 4 * KiB);

            BytesAssert.Equal(data, read);
            byte[] chip = rig.Chip.Snapshot();
            BytesAssert.Equal(data, chip.AsSpan(address, data.Length));
            Assert.IsTrue(chip.AsSpan(0, 0x1FF0000).IndexOfAnyExcept((byte)0xFF) < 0, "nothing wrapped below 16 MiB");
            Assert.AreEqual(1, rig.Chip.Erases(4 * KiB));
        }

        [TestMethod]
        public void A_part_driven_through_EN4B_is_left_in_3_byte_mode()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q256JV);
            using var client = Rig.Connect(new Emulator.SerprogEmulator(chip));
            var definition = SerprogNano.Chips.ChipDatabase.Default.FindByName("W25Q256JV")! with { FourByteAddressing = SerprogNano.Chips.FourByteAddressing.Enter4ByteMode };
            var flash = new SpiNorFlash(new SerprogSpiMaster(client), definition, SerprogDeviceSide.Of(client));
            byte[] data = FlashRig.RandomImage(8 * KiB, 9);

            flash.Erase(0x1800000, 4 * KiB);
            flash.Program(0x1800000, data);
            var read = new byte[data.Length];
            flash.Read(0x1800000, read);

            BytesAssert.Equal(data, read);
            BytesAssert.Equal(data, chip.Snapshot().AsSpan(0x1800000, data.Length));
            Assert.AreEqual(3, chip.CommandCount(SpiNorOpcodes.Enter4ByteMode));
            Assert.AreEqual(0, flash.ReadStatus(3) & 0x01, "ADS: the chip is back in 3-byte mode for the board's boot");
            Assert.AreEqual(0, chip.CommandCount(SpiNorOpcodes.Read4Byte));
        }

        [TestMethod]
        public void Block_protection_is_reported_and_cleared_on_request()
        {
            using var rig = new FlashRig(SpiNorModels.SST25VF040B);

            Assert.AreEqual(0x1C, rig.Flash.ReadProtectionBits(), "SST parts power up protected");
            rig.Flash.ClearProtection();

            Assert.AreEqual(0, rig.Flash.ReadProtectionBits());
            Assert.AreEqual(1, rig.Chip.CommandCount(SpiNorOpcodes.EnableWriteStatus), "SST needs EWSR before WRSR");
        }

        [TestMethod]
        public void Status_registers_are_read_as_many_as_the_part_has()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q256JV);

            byte[] registers = rig.Flash.ReadStatusRegisters();

            Assert.HasCount(rig.Flash.Chip.StatusRegisters, registers);
            Assert.AreEqual(0, registers[0] & SpiNorStatusBits.WriteInProgress);
        }

        [TestMethod]
        public void SST_AAI_programs_words_and_odd_bytes()
        {
            using var rig = new FlashRig(SpiNorModels.SST25VF040B);
            rig.Flash.ClearProtection();
            byte[] data = FlashRig.RandomImage(1001, 7);

            rig.Flash.Program(0x3001, data);

            BytesAssert.Equal(data, rig.Chip.Snapshot().AsSpan(0x3001, data.Length));
            Assert.IsGreaterThan(400, rig.Chip.AaiWordPrograms);
        }

        [TestMethod]
        public void A_chip_that_stays_busy_gives_a_time_out_naming_the_operation_and_address()
        {
            using var rig = new FlashRig(SpiNorModels.SST25VF040B);
            rig.Chip.Faults.StuckBusy = true;

            var e = Assert.ThrowsExactly<SpiNorException>(() => rig.Flash.Erase(0x8000, 4 * KiB));

            StringAssert.Contains(e.Message, "erase of 4 KiB at 0x008000");
            Assert.AreEqual(0x8000L, e.Address);
        }

        [TestMethod]
        public void SFDP_reads_the_signature()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);

            BytesAssert.Equal("SFDP"u8.ToArray(), rig.Flash.ReadSfdp(0, 4));
        }

        /// <summary>Progress that reports on the caller's thread, so the test sees every report.</summary>
        private sealed class SynchronousProgress<T> : IProgress<T>
        {
            private readonly Action<T> _report;

            public SynchronousProgress(Action<T> report) => _report = report;

            public void Report(T value) => _report(value);
        }
    }
}
