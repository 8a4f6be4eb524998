using System;
using System.IO.Hashing;
using SerprogNano.Chips;
using SerprogNano.Emulator;
using SerprogNano.Engine.Hosting.Board;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;
using SerprogNano.Protocol;

namespace SerprogNano.Engine.Tests
{
    /// <summary>The SerprogNano extensions (protocol/EXTENSIONS.md) against the engine on an emulated W25Q64FV.</summary>
    [TestClass]
    public sealed class ExtensionTests
    {
        private const byte Read = SpiNorOpcodes.Read;
        private const byte WriteEnable = SpiNorOpcodes.WriteEnable;
        private const byte PageProgram = SpiNorOpcodes.PageProgram;
        private const byte SectorErase = SpiNorOpcodes.SectorErase4K;
        private const byte ReadStatus = SpiNorOpcodes.ReadStatus;
        private const byte Busy = SpiNorStatusBits.WriteInProgress;

        [TestMethod]
        public void The_command_table_knows_the_extensions_and_bounds_every_parameter_block()
        {
            Assert.AreEqual("O_NANO_SPIOP_WAIT", SerprogCommandTable.NameOf(SerprogNanoOpcode.SpiOperationWait));
            Assert.AreEqual(8, SerprogCommandTable.ParameterLength(SerprogNanoOpcode.SpiOperationWait));
            Assert.AreEqual(2, SerprogCommandTable.ReplyLength(SerprogNanoOpcode.SpiOperationWait));
            Assert.IsTrue(SerprogCommandTable.HasVariableData(SerprogNanoOpcode.SpiOperationWait));
            Assert.AreEqual("O_NANO_CRC32", SerprogCommandTable.NameOf(SerprogNanoOpcode.FlashCrc32));
            Assert.AreEqual(11, SerprogCommandTable.ParameterLength(SerprogNanoOpcode.FlashCrc32));
            Assert.AreEqual(SerprogCommandTable.Variable, SerprogCommandTable.ReplyLength(SerprogNanoOpcode.FlashCrc32));
            Assert.AreEqual("0x85", SerprogCommandTable.NameOf(0x85));
            Assert.IsFalse(SerprogCommandTable.IsDefined(0x19));
            for (int opcode = 0; opcode < 256; opcode++)
            {
                if (SerprogCommandTable.IsDefined(opcode))
                {
                    Assert.IsLessThanOrEqualTo(SerprogCommandTable.MaxParameterLength, SerprogCommandTable.ParameterLength(opcode), SerprogCommandTable.NameOf(opcode));
                }
            }

            Assert.IsTrue(SerprogNanoExtensions.IsSerprogNanoName("SerprogNano-E32"));
            Assert.IsFalse(SerprogNanoExtensions.IsSerprogNanoName("serprognano"));
            Assert.IsFalse(SerprogNanoExtensions.IsSerprogNanoName("pico-serprog"));
        }

        [TestMethod]
        public void Command_map_lists_the_extensions_only_when_the_board_gives_crc_and_clock()
        {
            using var device = new Device();
            byte[] map = device.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength);
            Assert.IsTrue(CommandMap.IsSet(map, 1, SerprogNanoOpcode.SpiOperationWait));
            Assert.IsTrue(CommandMap.IsSet(map, 1, SerprogNanoOpcode.FlashCrc32));
            string name = System.Text.Encoding.ASCII.GetString(device.Command(SerprogOpcode.QueryProgrammerName, SerprogLimits.ProgrammerNameLength), 1, SerprogLimits.ProgrammerNameLength);
            Assert.IsTrue(SerprogNanoExtensions.IsSerprogNanoName(name.TrimEnd('\0')), name);

            using var plain = RecordingEngine.Start();
            byte[] plainMap = plain.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength);
            Assert.IsFalse(CommandMap.IsSet(plainMap, 1, SerprogNanoOpcode.SpiOperationWait));
            Assert.IsFalse(CommandMap.IsSet(plainMap, 1, SerprogNanoOpcode.FlashCrc32));
            plain.DrivePins();
            // Without the extensions the opcode is unknown: NAKed at once, as serprog v1 does with any unlisted one.
            EngineHarness.AssertNak(plain.Status(SerprogNanoOpcode.FlashCrc32));
            plain.AssertInSync();
        }

        [TestMethod]
        [DataRow(0, 1, 1)]
        [DataRow(1, 12345, 1)]
        [DataRow(4093, 32767, 1)]
        [DataRow(7, 32768, 1)]
        [DataRow(0, 100_001, 3)]
        [DataRow(8 * 1024 * 1024 - 4096, 4096, 1)]
        [DataRow(4096, 4096, 20)]
        [DataRow(0, 512, 100, DisplayName = "small blocks: several per transfer, groups of 32 and a rest")]
        [DataRow(3, 1000, 33, DisplayName = "blocks that do not divide the buffer, one past a group")]
        [DataRow(0, 4100, 9, DisplayName = "blocks just over the buffer, in two transfers each")]
        public void Crc_of_each_block_equals_system_io_hashing(int start, int blockLength, int blocks)
        {
            using var device = new Device();
            byte[] image = device.LoadRandom(1);
            device.DrivePins();
            byte[] reply = device.Command(SerprogNanoOpcode.FlashCrc32, 4 * blocks, CrcParameters(Read, 3, (uint)start, blockLength, blocks));
            Assert.AreEqual(SerprogReply.Ack, reply[0]);
            for (int block = 0; block < blocks; block++)
            {
                uint expected = Crc32.HashToUInt32(image.AsSpan(start + (block * blockLength), blockLength));
                Assert.AreEqual(expected, LittleEndian.ReadUInt32(reply, 1 + (4 * block)), "block " + block);
            }

            Assert.AreEqual(1, device.Chip.CommandCount(Read), "one read command for the whole run of blocks");
            device.AssertInSync();
        }

        [TestMethod]
        [DataRow(3, 0u, 0, 1, DisplayName = "zero-length block")]
        [DataRow(3, 0u, 16, 0, DisplayName = "no blocks")]
        [DataRow(5, 0u, 16, 1, DisplayName = "five address bytes")]
        [DataRow(3, 0xFFFFF0u, 32, 1, DisplayName = "past 16 MiB with three address bytes")]
        public void Crc_with_impossible_parameters_is_refused_and_the_chip_untouched(int addressBytes, uint start, int blockLength, int blocks)
        {
            using var device = new Device();
            device.DrivePins();
            device.Chip.ResetCounters();
            byte[] reply = device.Command(SerprogNanoOpcode.FlashCrc32, 4, CrcParameters(Read, addressBytes, start, blockLength, blocks));
            EngineHarness.AssertNak(reply[0]);
            Assert.AreEqual(0, device.Chip.BytesRead);
            device.AssertInSync();
        }

        [TestMethod]
        public void Extensions_are_refused_while_the_pins_are_released()
        {
            using var device = new Device();
            EngineHarness.AssertNak(device.Command(SerprogNanoOpcode.FlashCrc32, 4, CrcParameters(Read, 3, 0, 16, 1))[0]);
            EngineHarness.AssertNak(device.Wait(WriteEnable, new byte[] { SectorErase, 0, 0, 0 }, 100)[0]);
            device.AssertInSync();
            Assert.AreEqual(0, device.Chip.Erases(4096));
        }

        [TestMethod]
        public void Page_program_with_device_side_wait_ends_with_the_chip_idle_and_programmed()
        {
            using var device = new Device(busyTimes: true);
            device.DrivePins();
            byte[] erase = device.Wait(WriteEnable, new byte[] { SectorErase, 0x01, 0x00, 0x00 }, 1000);
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, SerprogNanoExtensions.WaitDone }, erase[..2]);
            Assert.AreEqual(0, erase[2] & Busy, "last status has WIP clear");

            var page = new byte[4 + 256];
            page[0] = PageProgram;
            page[1] = 0x01;
            Random.Shared.NextBytes(page.AsSpan(4));
            byte[] program = device.Wait(WriteEnable, page, 100);
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, SerprogNanoExtensions.WaitDone }, program[..2]);
            Assert.AreEqual(0, program[2] & Busy);
            CollectionAssert.AreEqual(page[4..], device.Chip.Snapshot().AsSpan(0x10000, 256).ToArray());
            device.AssertInSync();
        }

        /// <summary>
        /// An erase takes tens of milliseconds: past the first few the device sleeps between polls instead of spinning (on
        /// nanoFramework every poll leaves garbage), and still answers soon after the chip is done.
        /// </summary>
        [TestMethod]
        public void A_long_wait_sleeps_between_polls()
        {
            using var device = new Device(busyTimes: true);
            device.DrivePins();
            byte[] erase = device.Wait(WriteEnable, new byte[] { SpiNorOpcodes.BlockErase64K, 0x01, 0x00, 0x00 }, 3000);

            Assert.AreEqual(SerprogNanoExtensions.WaitDone, erase[1]);
            Assert.AreEqual(0, erase[2] & Busy, "answered once the chip was done");
            Assert.IsGreaterThan(10, device.Clock.Sleeps, "slept between the polls of a 64 KiB erase");
            Assert.IsGreaterThan(device.Clock.Sleeps, device.Chip.CommandCount(ReadStatus), "a poll after every sleep, each a chip-select cycle of its own");
            device.AssertInSync();
        }

        [TestMethod]
        public void A_chip_that_stays_busy_times_out_with_its_last_status()
        {
            using var device = new Device();
            device.DrivePins();
            device.Chip.Faults.StuckBusy = true;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            byte[] reply = device.Wait(WriteEnable, new byte[] { SectorErase, 0, 0, 0 }, 30);
            Assert.IsGreaterThanOrEqualTo(30, watch.ElapsedMilliseconds, "a time-out is declared only once the whole time has passed");
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, SerprogNanoExtensions.WaitTimedOut }, reply[..2]);
            Assert.AreEqual(Busy, reply[2] & Busy, "the last status still shows WIP");
            device.AssertInSync();
        }

        [TestMethod]
        public void Wait_longer_than_the_buffer_is_refused_and_its_data_swallowed()
        {
            using var device = new Device();
            device.DrivePins();
            byte[] reply = device.Wait(WriteEnable, new byte[EngineSettings.DefaultBufferSize + 1], 10);
            EngineHarness.AssertNak(reply[0]);
            device.AssertInSync();
        }

        [TestMethod]
        public void Extensions_allocate_nothing_per_frame()
        {
            const int Frames = 400;

            // A first run on this thread pays the one-time costs (type initialisers, the CRC's tables), so the
            // measured runs count only what serving frames allocates. The least of three runs is taken: a tier-up
            // recompile that lands on a loaded machine can allocate a few KiB on this thread once (CI saw 2,976
            // bytes), while an allocation per frame or per block shows in every run.
            ServeScript(2);
            long allocated = long.MaxValue;
            for (int run = 0; run < 3; run++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                ScriptedLink link = ServeScript(Frames);
                allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before - ScriptAllocation);
                Assert.AreEqual(1 + (Frames * (1 + 8 + 1 + 2 + 1 + 3)), link.BytesWritten, "every frame answered: ACK, 2 CRCs; ACK, outcome, status; ACK, completed, outcome, status");
            }

            Assert.IsTrue(allocated <= EngineAllocationAllowance, allocated + " bytes allocated serving " + (3 * Frames) + " extension frames, the least of three runs");
        }

        /// <summary>What building a script, its link, bus and engine may allocate (the engine's one buffer and its objects), beside serving it.</summary>
        private static long ScriptAllocation;

        /// <summary>Less than one allocation per frame: a per-frame or per-block object (24 bytes at least) over 1200 frames exceeds it many times.</summary>
        private const long EngineAllocationAllowance = 1024;

        /// <summary>Serves <paramref name="frames"/> CRC, wait and run frames on this thread, from bytes already there.</summary>
        private static ScriptedLink ServeScript(int frames)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            var script = new System.IO.MemoryStream();
            script.Write(new byte[] { SerprogOpcode.SetPinState, 1 });
            var page = new byte[4 + 16];
            page[0] = PageProgram;
            for (int i = 0; i < frames; i++)
            {
                script.WriteByte(SerprogNanoOpcode.FlashCrc32);
                script.Write(CrcParameters(Read, 3, (uint)(i * 512), 5000, 2));
                script.WriteByte(SerprogNanoOpcode.SpiOperationWait);
                script.Write(new byte[] { 0, ReadStatus, Busy, 5, 0, (byte)page.Length, 0, 0 });
                script.Write(page);
                script.WriteByte(SerprogNanoOpcode.SpiOperationWaitRun);
                script.Write(new byte[] { WriteEnable, ReadStatus, Busy, 5, 0, (byte)page.Length, 0, 2 });
                script.Write(page);
                script.Write(page);
            }

            var link = new ScriptedLink(script.ToArray());
            var bus = new EmulatedSpiBus(new PatternTarget());
            var engine = new SerprogEngine(link, bus, bus, bus, new EngineSettings(), new SystemCrc32(), new SystemMillisecondClock());
            ScriptAllocation = GC.GetAllocatedBytesForCurrentThread() - start;
            engine.Run();
            return link;
        }

        /// <summary>A link that serves a fixed script, then reports itself closed; replies are counted and dropped.</summary>
        private sealed class ScriptedLink(byte[] script) : ISerialLink
        {
            private int _position;

            public long BytesWritten { get; private set; }

            public int Read(byte[] buffer, int offset, int count)
            {
                if (_position == script.Length)
                {
                    return -1;
                }

                int chunk = Math.Min(count, script.Length - _position);
                Array.Copy(script, _position, buffer, offset, chunk);
                _position += chunk;
                return chunk;
            }

            public void Write(byte[] buffer, int offset, int count) => BytesWritten += count;
        }

        internal static byte[] CrcParameters(byte readOpcode, int addressBytes, uint start, int blockLength, int blocks)
        {
            var parameters = new byte[SerprogNanoExtensions.CrcParameterLength];
            parameters[0] = readOpcode;
            parameters[1] = (byte)addressBytes;
            LittleEndian.WriteUInt32(parameters, 2, start);
            LittleEndian.WriteUInt24(parameters, 6, blockLength);
            LittleEndian.WriteUInt16(parameters, 9, blocks);
            return parameters;
        }

        /// <summary>The engine with the extensions on an emulated W25Q64FV.</summary>
        private sealed class Device : IDisposable
        {
            private readonly EngineHarness<EmulatedSpiNor> _harness;

            public Device(bool busyTimes = false)
            {
                Chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV, new EmulatedSpiNorOptions { BusyTimes = busyTimes });
                _harness = new EngineHarness<EmulatedSpiNor>(new[] { Chip }, new EngineSettings(), RecordingEngine.FrameTimeout, extensions: true, clock: Clock);
            }

            public EmulatedSpiNor Chip { get; }

            public SleepCountingClock Clock { get; } = new();

            public byte[] LoadRandom(int seed)
            {
                var image = new byte[Chip.Model.Size];
                new Random(seed).NextBytes(image);
                Chip.Load(image);
                return image;
            }

            public void DrivePins() => _harness.DrivePins();

            public byte[] Command(byte opcode, int replyLength, params byte[] parameters) => _harness.Command(opcode, replyLength, parameters);

            public byte[] Wait(byte writeEnable, byte[] operation, int timeoutMs)
            {
                var parameters = new byte[SerprogNanoExtensions.WaitParameterLength + operation.Length];
                parameters[0] = writeEnable;
                parameters[1] = ReadStatus;
                parameters[2] = Busy;
                LittleEndian.WriteUInt16(parameters, 3, timeoutMs);
                LittleEndian.WriteUInt24(parameters, 5, operation.Length);
                operation.CopyTo(parameters, SerprogNanoExtensions.WaitParameterLength);
                return Command(SerprogNanoOpcode.SpiOperationWait, SerprogNanoExtensions.WaitReplyLength, parameters);
            }

            public void AssertInSync() => _harness.AssertInSync();

            public void Dispose() => _harness.Dispose();
        }

        /// <summary>The PC's clock, counting the sleeps the engine asks for.</summary>
        private sealed class SleepCountingClock : IMillisecondClock
        {
            private readonly SystemMillisecondClock _clock = new();

            public long Milliseconds => _clock.Milliseconds;

            public int Sleeps { get; private set; }

            public void Sleep(int milliseconds)
            {
                Sleeps++;
                _clock.Sleep(milliseconds);
            }
        }

        /// <summary>A chip that answers reads with a pattern and is never busy, allocating nothing (unlike the full emulation's counters).</summary>
        private sealed class PatternTarget : ISpiTarget
        {
            public void Select()
            {
            }

            public void Deselect()
            {
            }

            public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso) => miso.Clear();
        }
    }
}
