using System;
using SerprogNano.Chips;
using SerprogNano.Esp32;
using SerprogNano.Firmware.Tests.Harness;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Firmware.Tests
{
    /// <summary>
    /// What a MiB costs in native calls on the board, counted on the PC run of the same engine with the
    /// firmware's settings: on nanoFramework every call is interpreted IL around a native transfer.
    /// </summary>
    [TestClass]
    public sealed class BulkCallFiguresTests
    {
        private const int MiB = 1 << 20;
        private const int PageSize = 256;
        private const int Pages = MiB / PageSize;
        private const int MaxCallsPerMiBRead = 300;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void A_full_read_of_a_MiB_takes_at_most_300_SPI_and_300_serial_calls()
        {
            BoardProfile board = BoardProfiles.Esp32DevKitC();
            using var device = FirmwareEngine.Start(FirmwareSettings.ForBoard(board), board.ClockSteps);
            DriveLines(device);
            Counts used = ReadMiB(device);
            Counts again = ReadMiB(device);

            Report("read", used);
            Assert.IsLessThanOrEqualTo(MaxCallsPerMiBRead, used.SpiCalls, "SPI calls per MiB read");
            Assert.IsLessThanOrEqualTo(MaxCallsPerMiBRead, used.SerialCalls, "serial calls per MiB read");
            Assert.AreEqual(0, Math.Min(used.AllocatedBytes, again.AllocatedBytes), "bytes the engine thread allocated while reading, the lesser of two reads");
        }

        /// <summary>A MiB read as flashprog reads with an unlimited Q_RDNMAXLEN: one O_SPIOP for the whole range.</summary>
        private static Counts ReadMiB(EngineHarness<PatternFlash> device)
        {
            Counts before = Counts.Of(device);
            byte[] data = device.SpiOperation(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, MiB);
            device.Sync();
            Counts used = Counts.Of(device) - before;
            for (int address = 0; address < MiB; address += 4093)
            {
                Assert.AreEqual(PatternFlash.ExpectedAt(address), data[address], "byte at " + address);
            }

            return used;
        }

        [TestMethod]
        public void Writing_a_MiB_page_by_page_costs_a_fixed_number_of_calls_per_frame()
        {
            BoardProfile board = BoardProfiles.Esp32DevKitC();
            using var device = FirmwareEngine.Start(FirmwareSettings.ForBoard(board), board.ClockSteps);
            DriveLines(device);
            Counts used = WriteMiB(device);
            Counts again = WriteMiB(device);
            Report("written", used);
            Assert.AreEqual(2 * MiB, device.Target.BytesProgrammed);

            // Each O_SPIOP is one SPI write (plus one read for RDSR), at most three serial reads
            // (opcode, header, data) and one serial write: nothing grows with the data.
            const int operations = 3 * Pages;
            Assert.IsLessThanOrEqualTo(operations + Pages + 1, used.SpiCalls, "SPI calls per MiB written");
            Assert.IsLessThanOrEqualTo((3 * operations) + 2 + operations + 1, used.SerialCalls, "serial calls per MiB written");
            Assert.AreEqual(0, Math.Min(used.AllocatedBytes, again.AllocatedBytes), "bytes the engine thread allocated while writing, the lesser of two MiBs");
        }

        /// <summary>A MiB written as flashprog writes: per page WREN, PP with 256 bytes, one RDSR that finds the chip ready.</summary>
        private static Counts WriteMiB(EngineHarness<PatternFlash> device)
        {
            var program = new byte[4 + PageSize];
            program[0] = SpiNorOpcodes.PageProgram;
            Counts before = Counts.Of(device);
            for (int page = 0; page < Pages; page++)
            {
                device.SpiOperation(new[] { SpiNorOpcodes.WriteEnable }, 0);
                program[1] = (byte)(page >> 8);
                program[2] = (byte)page;
                device.SpiOperation(program, 0);
                Assert.AreEqual(0, device.SpiOperation(new[] { SpiNorOpcodes.ReadStatus }, 1)[0] & SpiNorStatusBits.WriteInProgress, "WIP");
            }

            return Counts.Of(device) - before;
        }

        private static void DriveLines(EngineHarness<PatternFlash> device)
        {
            Assert.AreEqual(SerprogReply.Ack, device.RoundTrip(new byte[] { SerprogOpcode.SetPinState, 1 }, 1)[0]);

            // Warm-up: the first frames of a thread may allocate in the runtime (lock inflation and so on). Later a
            // tier-up recompile on a loaded machine can still allocate once, so allocation is the lesser of two runs:
            // what the engine allocates per frame or per chunk shows in both.
            device.SpiOperation(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, 2 * FirmwareSettings.DataBufferSize);
            device.SpiOperation(new[] { SpiNorOpcodes.ReadStatus }, 1);
            device.Sync();
        }

        private void Report(string direction, Counts used)
        {
            string line = "per MiB " + direction + ": " + used.SpiCalls + " SPI calls, " + used.SerialReads + " serial reads + "
                + used.SerialWrites + " serial writes = " + used.SerialCalls + " serial calls, "
                + used.AllocatedBytes + " bytes allocated by the engine thread (chunk " + FirmwareSettings.DataBufferSize + " B)";
            TestContext.WriteLine(line);
            Console.WriteLine(line);
        }

        private readonly record struct Counts(long SpiCalls, long SerialReads, long SerialWrites, long AllocatedBytes)
        {
            public long SerialCalls => SerialReads + SerialWrites;

            /// <summary>The counts so far, after a NOP round trip that ends every frame before it.</summary>
            public static Counts Of(EngineHarness<PatternFlash> device)
            {
                long allocated = device.AllocatedOnEngineThread();
                return new(device.Bus.TransferCalls, device.Link.Reads, device.Link.Writes, allocated);
            }

            public static Counts operator -(Counts a, Counts b) => new(
                a.SpiCalls - b.SpiCalls, a.SerialReads - b.SerialReads, a.SerialWrites - b.SerialWrites, a.AllocatedBytes - b.AllocatedBytes);
        }
    }
}
