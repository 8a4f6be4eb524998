using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>O_NANO_SPIOP_WAIT_RUN (protocol/EXTENSIONS.md) against the engine on an emulated W25Q64FV.</summary>
    [TestClass]
    public sealed class WaitRunTests
    {
        private const byte WriteEnable = SpiNorOpcodes.WriteEnable;
        private const byte PageProgram = SpiNorOpcodes.PageProgram;
        private const byte ReadStatus = SpiNorOpcodes.ReadStatus;
        private const byte Busy = SpiNorStatusBits.WriteInProgress;
        private const int Page = 256;
        private const int Operation = 4 + Page;

        [TestMethod]
        public void The_command_table_and_the_command_map_know_the_run()
        {
            Assert.AreEqual("O_NANO_SPIOP_WAIT_RUN", SerprogCommandTable.NameOf(SerprogNanoOpcode.SpiOperationWaitRun));
            Assert.AreEqual(8, SerprogCommandTable.ParameterLength(SerprogNanoOpcode.SpiOperationWaitRun));
            Assert.AreEqual(3, SerprogCommandTable.ReplyLength(SerprogNanoOpcode.SpiOperationWaitRun));
            Assert.IsTrue(SerprogCommandTable.HasVariableData(SerprogNanoOpcode.SpiOperationWaitRun));

            using var device = new Device();
            Assert.IsTrue(CommandMap.IsSet(device.Harness.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength), 1, SerprogNanoOpcode.SpiOperationWaitRun));
            using var plain = RecordingEngine.Start();
            Assert.IsFalse(CommandMap.IsSet(plain.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength), 1, SerprogNanoOpcode.SpiOperationWaitRun));
            plain.DrivePins();
            // Without the extensions the opcode is unknown: NAKed at once, its parameters then read as opcodes would be.
            EngineHarness.AssertNak(plain.Status(SerprogNanoOpcode.SpiOperationWaitRun));
            plain.AssertInSync();
        }

        [TestMethod]
        public void A_run_programs_every_page_it_carries_each_after_its_write_enable_and_waited_for()
        {
            using var device = new Device(busyTimes: true);
            device.Harness.DrivePins();
            const int Count = 15;
            byte[] operations = Pages(0x20000, Count, seed: 1);

            byte[] reply = device.Run(operations, Operation, timeoutMs: 100);

            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, Count, SerprogNanoExtensions.WaitDone }, reply[..3]);
            Assert.AreEqual(0, reply[3] & Busy, "the last status has WIP clear");
            Assert.AreEqual(Count, device.Chip.PagePrograms);
            Assert.AreEqual(Count, device.Chip.CommandCount(WriteEnable));
            byte[] chip = device.Chip.Snapshot();
            for (int i = 0; i < Count; i++)
            {
                CollectionAssert.AreEqual(operations.AsSpan((i * Operation) + 4, Page).ToArray(), chip.AsSpan(0x20000 + (i * Page), Page).ToArray(), "page " + i);
            }

            // Programs ignored while the chip is busy would leave pages erased: none was, so each was waited for.
            Assert.AreEqual(0, device.Chip.CommandCount(PageProgram) - device.Chip.PagePrograms);
            device.Harness.AssertInSync();
        }

        [TestMethod]
        public void A_run_stops_at_the_first_operation_that_times_out_and_says_how_many_completed()
        {
            using var device = new Device(stuckAfterPrograms: 3);
            device.Harness.DrivePins();
            byte[] operations = Pages(0, 5, seed: 2);

            byte[] reply = device.Run(operations, Operation, timeoutMs: 20);

            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 2, SerprogNanoExtensions.WaitTimedOut }, reply[..3]);
            Assert.AreEqual(Busy, reply[3] & Busy, "the last status still shows WIP");
            Assert.AreEqual(3, device.Chip.CommandCount(PageProgram), "the third timed out; the fourth and fifth were never sent");
            Assert.AreEqual(3, device.Chip.CommandCount(WriteEnable));
            CollectionAssert.AreEqual(operations.AsSpan(4, Page).ToArray(), device.Chip.Snapshot().AsSpan(0, Page).ToArray());
            device.Harness.AssertInSync();
        }

        [TestMethod]
        [DataRow(0, Operation, true, DisplayName = "no operations")]
        [DataRow(3, 0, true, DisplayName = "operations of no bytes")]
        [DataRow(8, Operation, true, DisplayName = "8 x 260 bytes: past Q_WRNMAXLEN (2048)")]
        [DataRow(16, Operation, true, DisplayName = "16 x 260 bytes: past the buffer (4096)")]
        [DataRow(2, Operation, false, DisplayName = "pins released")]
        public void A_run_that_cannot_be_served_is_refused_after_its_data_and_the_next_one_is_served(int count, int length, bool drivePins)
        {
            using var device = new Device(maxWriteLength: 2048);
            if (drivePins)
            {
                device.Harness.DrivePins();
            }

            // Data full of serprog opcodes: a byte left unswallowed would be taken for a frame.
            var operations = new byte[count * length];
            operations.AsSpan().Fill(SerprogOpcode.SyncNop);

            byte[] reply = device.Run(operations, length, timeoutMs: 10, count);

            EngineHarness.AssertNak(reply[0]);
            Assert.AreEqual(0, device.Chip.CommandCount(WriteEnable) + device.Chip.CommandCount(PageProgram), "nothing reached the chip");
            device.Harness.AssertInSync();
            device.Harness.DrivePins();
            byte[] page = Pages(0x1000, 1, seed: 3);
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 1, SerprogNanoExtensions.WaitDone }, device.Run(page, Operation, timeoutMs: 10)[..3]);
            CollectionAssert.AreEqual(page.AsSpan(4).ToArray(), device.Chip.Snapshot().AsSpan(0x1000, Page).ToArray());
        }

        [TestMethod]
        public void A_run_is_refused_while_chip_select_is_held()
        {
            using var device = new Device();
            device.Harness.DrivePins();
            EngineHarness.AssertAck(device.Harness.Status(SerprogOpcode.SetChipSelectMode, ChipSelectMode.Selected));

            EngineHarness.AssertNak(device.Run(Pages(0, 2, seed: 4), Operation, timeoutMs: 10)[0]);

            EngineHarness.AssertAck(device.Harness.Status(SerprogOpcode.SetChipSelectMode, ChipSelectMode.Auto));
            device.Harness.AssertInSync();
            Assert.AreEqual(0, device.Chip.CommandCount(PageProgram));
        }

        /// <summary><paramref name="count"/> page programs of random data, one after the other from <paramref name="address"/>.</summary>
        private static byte[] Pages(int address, int count, int seed)
        {
            var random = new Random(seed);
            var operations = new byte[count * Operation];
            for (int i = 0; i < count; i++)
            {
                int at = i * Operation;
                int page = address + (i * Page);
                operations[at] = PageProgram;
                operations[at + 1] = (byte)(page >> 16);
                operations[at + 2] = (byte)(page >> 8);
                operations[at + 3] = (byte)page;
                random.NextBytes(operations.AsSpan(at + 4, Page));
            }

            return operations;
        }

        /// <summary>The engine with the extensions on an emulated W25Q64FV that may stay busy after some page programs.</summary>
        private sealed class Device : IDisposable
        {
            public Device(bool busyTimes = false, int stuckAfterPrograms = 0, int maxWriteLength = EngineSettings.DefaultBufferSize)
            {
                Chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV, new EmulatedSpiNorOptions { BusyTimes = busyTimes });
                var settings = new EngineSettings { MaxWriteLength = maxWriteLength };
                Harness = new EngineHarness<StuckAfterProgramsChip>(new[] { new StuckAfterProgramsChip(Chip, stuckAfterPrograms) }, settings, RecordingEngine.FrameTimeout, extensions: true);
            }

            public EmulatedSpiNor Chip { get; }

            public EngineHarness<StuckAfterProgramsChip> Harness { get; }

            /// <summary>One O_NANO_SPIOP_WAIT_RUN of WREN, RDSR, WIP; its status byte and, after ACK, its 3-byte reply.</summary>
            public byte[] Run(byte[] operations, int length, int timeoutMs, int? count = null)
            {
                var parameters = new byte[SerprogNanoExtensions.WaitRunParameterLength + operations.Length];
                SerprogNanoFrames.WriteWaitRunParameters(parameters, 0, WriteEnable, ReadStatus, Busy, timeoutMs, length, count ?? operations.Length / length);
                operations.CopyTo(parameters, SerprogNanoExtensions.WaitRunParameterLength);
                return Harness.Command(SerprogNanoOpcode.SpiOperationWaitRun, SerprogNanoExtensions.WaitRunReplyLength, parameters);
            }

            public void Dispose() => Harness.Dispose();
        }
    }
}
