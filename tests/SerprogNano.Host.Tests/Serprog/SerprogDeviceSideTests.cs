using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Serprog
{
    /// <summary>How <see cref="SerprogDeviceSide"/> packs waited operations into O_NANO_SPIOP_WAIT_RUN frames and reads their outcomes back.</summary>
    [TestClass]
    public sealed class SerprogDeviceSideTests
    {
        private static readonly TimeSpan PageTime = TimeSpan.FromMilliseconds(5);

        [TestMethod]
        public void Operations_of_one_shape_share_a_frame_and_each_change_of_shape_starts_another()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            MonitoringTransport link = Rig.Monitor(Rig.Emulator(chip, new EngineSettings { ProgrammerName = "SerprogNano emu" }));
            using SerprogClient client = SerprogClient.Connect(link);
            var random = new Random(151);
            var operations = new List<WaitedOperation>();
            var expected = new List<(int Address, byte[] Data)>();
            void Add(int length, TimeSpan timeout)
            {
                int address = 0x30000 + (operations.Count * 256);
                var data = new byte[length];
                random.NextBytes(data);
                expected.Add((address, data));
                SpiTransaction program = SpiNorCommands.PageProgram(SpiNorOpcodes.PageProgram, address, 3, data);
                operations.Add(new WaitedOperation(SpiNorOpcodes.WriteEnable, program.Write, SpiNorOpcodes.ReadStatus, SpiNorStatusBits.WriteInProgress, timeout, program.Label!));
            }

            // 5 pages; one shorter; 3 pages; one with another time-out; 20 pages, in runs of 7 (half of the 4 KiB Q_SERBUF).
            for (int i = 0; i < 30; i++)
            {
                Add(i == 5 ? 255 : 256, i == 9 ? PageTime * 2 : PageTime);
            }

            int before = link.OpcodesSent.Count;
            IReadOnlyList<DeviceWaitOutcome> outcomes = SerprogDeviceSide.Of(client)!.ExecuteWithWait(operations);

            byte[] frames = link.OpcodesSent.Skip(before).ToArray();
            const byte Run = SerprogNanoOpcode.SpiOperationWaitRun;
            const byte Alone = SerprogNanoOpcode.SpiOperationWait;
            CollectionAssert.AreEqual(new[] { Run, Alone, Run, Alone, Run, Run, Run }, frames);
            Assert.IsTrue(outcomes.All(outcome => !outcome.TimedOut && !outcome.Damaged));
            byte[] contents = chip.Snapshot();
            foreach ((int address, byte[] data) in expected)
            {
                CollectionAssert.AreEqual(data, contents.AsSpan(address, data.Length).ToArray(), "page at 0x" + address.ToString("X"));
            }
        }

        [TestMethod]
        public void A_time_out_stops_its_run_and_the_operations_after_it_come_back_unknown()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            using SerprogClient client = Rig.Connect(Rig.Emulator(new StuckAfterProgramsChip(chip, 3), new EngineSettings { ProgrammerName = "SerprogNano emu" }));
            var operations = new List<WaitedOperation>();
            for (int i = 0; i < 5; i++)
            {
                SpiTransaction program = SpiNorCommands.PageProgram(SpiNorOpcodes.PageProgram, i * 256, 3, new byte[256]);
                operations.Add(new WaitedOperation(SpiNorOpcodes.WriteEnable, program.Write, SpiNorOpcodes.ReadStatus, SpiNorStatusBits.WriteInProgress, PageTime, program.Label!));
            }

            IReadOnlyList<DeviceWaitOutcome> outcomes = SerprogDeviceSide.Of(client)!.ExecuteWithWait(operations);

            Assert.IsFalse(outcomes[0].TimedOut || outcomes[0].Damaged);
            Assert.IsFalse(outcomes[1].TimedOut || outcomes[1].Damaged);
            Assert.IsTrue(outcomes[2].TimedOut && !outcomes[2].Damaged, "the third page timed out");
            Assert.AreEqual(SpiNorStatusBits.WriteInProgress, outcomes[2].LastStatus & SpiNorStatusBits.WriteInProgress);
            Assert.IsTrue(outcomes[3].Damaged && outcomes[4].Damaged, "not sent: whether they ran is unknown");
            Assert.AreEqual(3, chip.CommandCount(SpiNorOpcodes.PageProgram), "the run stopped at the time-out");
        }
    }
}
