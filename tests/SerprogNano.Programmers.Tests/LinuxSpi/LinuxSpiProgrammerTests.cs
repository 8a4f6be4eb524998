using System;
using System.Diagnostics;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Programmers.LinuxSpi;
using SerprogNano.Spidev;
using SerprogNano.TestSupport;

namespace SerprogNano.Programmers.Tests.LinuxSpi
{
    /// <summary>linux_spi through the same SPI NOR and chip-operation code as serprog, on a spidev double.</summary>
    [TestClass]
    public sealed class LinuxSpiProgrammerTests
    {
        private const string GuideCommand = "linux_spi:dev=/dev/spidev0.0,spispeed=32768";

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void The_guides_command_probes_the_chip_at_32768_khz_in_mode_0()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse(GuideCommand), null, board.System(devices));

            ProbeResult probe = ChipProber.Probe(connection.Master, ChipDatabase.Default, "W25Q32FV");

            Assert.AreEqual(0xEF, probe.Identity.Manufacturer);
            Assert.AreEqual(0x4016, probe.Identity.Device);
            Assert.AreEqual(32_768_000, devices.Opened[0].ClockFrequency);
            Assert.AreEqual(System.Device.Spi.SpiMode.Mode0, devices.Opened[0].Mode);
            Assert.AreEqual(0, devices.Opened[0].BusId);
            Assert.AreEqual(0, devices.Opened[0].ChipSelectLine);
            Assert.IsEmpty(connection.Warnings);
            Assert.IsNull(connection.Client);
        }

        [TestMethod]
        public void Writes_reads_and_verifies_a_whole_chip_in_transfers_within_bufsiz()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse(GuideCommand), null, board.System(devices));
            var flash = new SpiNorFlash(connection.Master, ChipProber.Probe(connection.Master, ChipDatabase.Default, "W25Q32FV").Chip);
            byte[] image = TestData.RandomBytes((int)flash.Size, seed: 7);

            long writeStart = devices.Counters.Transfers;
            long writeBytesStart = devices.Counters.Bytes;
            long writeClock = Stopwatch.GetTimestamp();
            FlashWriter.Write(flash, 0, image);
            TimeSpan writeTime = Stopwatch.GetElapsedTime(writeClock);
            long writeTransfers = devices.Counters.Transfers - writeStart;
            long writeBytes = devices.Counters.Bytes - writeBytesStart;
            CollectionAssert.AreEqual(image, chip.Snapshot(), "chip after the write");

            var read = new byte[flash.Size];
            long readStart = devices.Counters.Transfers;
            long readBytesStart = devices.Counters.Bytes;
            long readClock = Stopwatch.GetTimestamp();
            flash.Read(0, read);
            TimeSpan readTime = Stopwatch.GetElapsedTime(readClock);
            long readTransfers = devices.Counters.Transfers - readStart;
            long readBytes = devices.Counters.Bytes - readBytesStart;
            CollectionAssert.AreEqual(image, read, "read back");
            FlashVerifier.Verify(flash, 0, image);

            Assert.AreEqual(0, devices.Counters.OverLimit);
            Assert.IsLessThanOrEqualTo(4096, devices.Counters.Largest);
            double mib = flash.Size / (1024.0 * 1024.0);
            double bytesPerReadTransfer = readBytes / (double)readTransfers;
            Assert.IsGreaterThanOrEqualTo(4000, bytesPerReadTransfer, "reads fill nearly the whole of bufsiz");
            TestContext.WriteLine($"linux_spi figures against the double: read {mib / readTime.TotalSeconds:0.0} MiB/s, {bytesPerReadTransfer:0} bytes per transfer, {readTransfers / mib:0} transfers per MiB; "
                + $"write {mib / writeTime.TotalSeconds:0.0} MiB/s (read-before-write, erase, program, status polls) {writeBytes / (double)writeTransfers:0} bytes per transfer, {writeTransfers / mib:0} transfers per MiB; "
                + $"largest transfer {devices.Counters.Largest} bytes");
        }

        [TestMethod]
        public void Writes_a_sector_range_then_reads_and_verifies_ranges_that_start_and_end_inside_pages()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            byte[] original = TestData.RandomBytes((int)chip.Model.Size, seed: 3);
            chip.Load(original);
            var devices = new EmulatedSpidevFactory(chip);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse("spidev:/dev/spidev0.0"), null, board.System(devices));
            var flash = new SpiNorFlash(connection.Master, ChipProber.Probe(connection.Master, ChipDatabase.Default, "W25Q32FV").Chip);
            const int start = 0x12000;
            byte[] range = TestData.RandomBytes(0x11000, seed: 4);

            FlashWriter.Write(flash, start, range);

            var expected = (byte[])original.Clone();
            range.CopyTo(expected, start);
            CollectionAssert.AreEqual(expected, chip.Snapshot(), "only the range changed");
            const int inside = 0x345;
            var read = new byte[50_001];
            flash.Read(start + inside, read);
            CollectionAssert.AreEqual(range.AsSpan(inside, read.Length).ToArray(), read);
            FlashVerifier.Verify(flash, start + inside, read);
            var mismatched = (byte[])read.Clone();
            mismatched[^1] ^= 1;
            Assert.ThrowsExactly<VerifyFailedException>(() => FlashVerifier.Verify(flash, start + inside, mismatched));
            Assert.AreEqual(LinuxSpiProgrammerSpec.DefaultSpiSpeedHz, (uint)devices.Opened[0].ClockFrequency, "without spispeed= the clock is flashrom's 2000 kHz");
        }

        [TestMethod]
        public void A_small_bufsiz_splits_reads_and_page_programs_into_complete_commands()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip, bufferSize: 200);
            using var board = new BoardFiles(BoardFiles.RaspberryPi, bufferSize: "200\n");
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse(GuideCommand), null, board.System(devices));
            Assert.AreEqual(194, connection.Master.MaxWriteLength);
            Assert.AreEqual(194, connection.Master.MaxReadLength);
            var flash = new SpiNorFlash(connection.Master, ChipProber.Probe(connection.Master, ChipDatabase.Default, "W25Q32FV").Chip);
            byte[] range = TestData.RandomBytes(0x2000, seed: 5);

            // A 256-byte page needs 260 bytes under one chip select: pages go as 128-byte programs.
            Assert.AreEqual(128, flash.ProgramUnit);
            FlashWriter.Write(flash, 0x1000, range);

            var read = new byte[range.Length];
            flash.Read(0x1000, read);
            CollectionAssert.AreEqual(range, read);
            Assert.AreEqual(0, devices.Counters.OverLimit);
            Assert.IsLessThanOrEqualTo(200, devices.Counters.Largest);
        }

        [TestMethod]
        public void A_command_longer_than_bufsiz_is_refused_whole_and_never_split()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse(GuideCommand), null, board.System(devices));

            Assert.ThrowsExactly<InvalidOperationException>(() => connection.Master.Execute(new SpiTransaction(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, new byte[4093], "read")));

            Assert.AreEqual(0, devices.Counters.Transfers);
        }

        [TestMethod]
        public void The_double_fails_the_test_on_a_transfer_above_bufsiz()
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV));
            using var device = devices.Create(new System.Device.Spi.SpiConnectionSettings(0, 0));

            Assert.ThrowsExactly<AssertFailedException>(() => device.Write(new byte[4097]));
            Assert.AreEqual(1, devices.Counters.OverLimit);
        }

        [TestMethod]
        public void Without_the_bufsiz_file_the_kernels_default_of_4096_holds()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            using var board = new BoardFiles(model: null, bufferSize: null);
            SpidevSystem system = board.System(new EmulatedSpidevFactory(chip));

            Assert.AreEqual(4096, system.ReadBufferSize());
            Assert.AreEqual(BoardKind.Other, system.DetectBoard());
        }
    }
}
