using System;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Board;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>
    /// O_NANO_SET_BAUD on a UART whose two ends each have a rate (<see cref="UartPair"/>): the switch, the two
    /// confirmations, the time-out back to the old rate, and that nothing received meanwhile reaches the chip.
    /// </summary>
    [TestClass]
    public sealed class BaudRateTests
    {
        private const int BootRate = 2000000;
        private const int NewRate = 4000000;
        private const int DeviceMaxRate = 5000000;

        [TestMethod]
        public void Switch_then_two_confirmations_hold_the_new_rate()
        {
            using var rig = new Rig();
            EngineHarness.AssertAck(rig.Request(NewRate));
            rig.WaitForDeviceRate(NewRate);
            rig.Host.BaudRate = NewRate;

            EngineHarness.AssertAck(rig.Request(NewRate));
            EngineHarness.AssertAck(rig.Request(NewRate));

            Thread.Sleep(SerprogNanoExtensions.BaudRevertMilliseconds);
            rig.AssertInSync();
            CollectionAssert.AreEqual(new[] { NewRate }, rig.Pair.DeviceRateChanges, "confirmed twice, the new rate holds past the time-out");
        }

        [TestMethod]
        public void Frames_that_arrive_before_the_confirmation_never_reach_the_chip()
        {
            using var rig = new Rig();
            EngineHarness.AssertAck(rig.Status(SerprogOpcode.SetPinState, 1));
            EngineHarness.AssertAck(rig.Request(NewRate));
            rig.WaitForDeviceRate(NewRate);

            // The host is still at the old rate, so its bytes arrive inverted: send them inverted, and what the device
            // receives is a write enable and a chip erase, frames it would run at once at any other time.
            byte[] erase = { SerprogOpcode.SetPinState, 1, SerprogOpcode.SpiOperation, 1, 0, 0, 0, 0, 0, 0x06, SerprogOpcode.SpiOperation, 1, 0, 0, 0, 0, 0, 0xC7 };
            rig.Host.Write(Inverted(erase));

            rig.WaitForDeviceRate(BootRate);
            rig.AssertInSync();
            Assert.AreEqual(0, rig.Target.Selects, "nothing received while the confirmation was awaited reached the chip");
            CollectionAssert.AreEqual(new[] { NewRate, BootRate }, rig.Pair.DeviceRateChanges);
        }

        [TestMethod]
        public void A_host_that_dies_after_the_ack_finds_the_device_at_its_boot_rate()
        {
            using var rig = new Rig();
            EngineHarness.AssertAck(rig.Request(NewRate));
            long asked = Environment.TickCount64;

            // The ACK leaves at the old rate before the device moves: without this wait a loaded machine saw the boot rate
            // of before the move and took it for the return.
            rig.WaitForDeviceRate(NewRate);
            rig.WaitForDeviceRate(BootRate);

            long waited = Environment.TickCount64 - asked;
            CollectionAssert.AreEqual(new[] { NewRate, BootRate }, rig.Pair.DeviceRateChanges);
            Assert.IsTrue(waited >= SerprogNanoExtensions.BaudConfirmTimeoutMilliseconds - 50, "back after the time-out, not before: " + waited + " ms");
            rig.AssertInSync();
        }

        [TestMethod]
        public void One_confirmation_is_not_enough()
        {
            // The host's bytes arrived at the new rate, but without the second confirmation the device cannot know
            // that its reply did: it goes back.
            using var rig = new Rig();
            EngineHarness.AssertAck(rig.Request(NewRate));
            rig.WaitForDeviceRate(NewRate);
            rig.Host.BaudRate = NewRate;
            EngineHarness.AssertAck(rig.Request(NewRate));
            rig.Host.BaudRate = BootRate;

            rig.WaitForDeviceRate(BootRate);
            rig.AssertInSync();
        }

        [TestMethod]
        public void Noise_before_the_confirmation_does_not_hide_it()
        {
            using var rig = new Rig();
            EngineHarness.AssertAck(rig.Request(NewRate));
            rig.WaitForDeviceRate(NewRate);
            rig.Host.BaudRate = NewRate;
            rig.Host.Write(new byte[] { SerprogNanoOpcode.SetBaudRate, 0x84, 0x00 });

            EngineHarness.AssertAck(rig.Request(NewRate));
            EngineHarness.AssertAck(rig.Request(NewRate));

            rig.AssertInSync();
            CollectionAssert.AreEqual(new[] { NewRate }, rig.Pair.DeviceRateChanges);
        }

        [TestMethod]
        [DataRow(SerprogNanoExtensions.MinBaudRate - 1)]
        [DataRow(DeviceMaxRate + 1)]
        [DataRow(-1)]
        public void A_rate_the_board_cannot_run_at_is_refused(int rate)
        {
            using var rig = new Rig();

            EngineHarness.AssertNak(rig.Request(rate));

            rig.AssertInSync();
            Assert.AreEqual(0, rig.Pair.DeviceRateChanges.Length);
        }

        [TestMethod]
        public void Listed_in_the_command_map_only_on_a_link_with_a_rate()
        {
            using var rig = new Rig();
            rig.Host.Write(new[] { SerprogOpcode.QueryCommandMap });
            byte[] map = rig.Receive(1 + SerprogLimits.CommandMapLength);
            Assert.IsTrue(CommandMap.IsSet(map, 1, SerprogNanoOpcode.SetBaudRate));

            using var noRate = new EngineHarness<RecordingSpiTarget>(new[] { new RecordingSpiTarget() }, new EngineSettings(), RecordingEngine.FrameTimeout, extensions: true);
            byte[] plain = noRate.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength);
            Assert.IsFalse(CommandMap.IsSet(plain, 1, SerprogNanoOpcode.SetBaudRate));
            Assert.IsTrue(CommandMap.IsSet(plain, 1, SerprogNanoOpcode.SparseRead), "the other extensions are there");
            EngineHarness.AssertNak(noRate.Status(SerprogNanoOpcode.SetBaudRate));
            noRate.AssertInSync();
        }

        private static byte[] Inverted(byte[] bytes)
        {
            var inverted = new byte[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                inverted[i] = (byte)~bytes[i];
            }

            return inverted;
        }

        /// <summary>The engine with the PC's CRC and clock on a <see cref="UartPair"/>, a recording chip behind it.</summary>
        private sealed class Rig : IDisposable
        {
            private readonly Thread _thread;

            public Rig()
            {
                Pair = new UartPair(BootRate, DeviceMaxRate, int.MaxValue, RecordingEngine.FrameTimeout);
                Target = new RecordingSpiTarget();
                var bus = new EmulatedSpiBus(new ISpiTarget[] { Target });
                var engine = new SerprogEngine(Pair.Device, bus, bus, bus, new EngineSettings(), new SystemCrc32(), new SystemMillisecondClock());
                Host = Pair.OpenHost(BootRate);
                Host.ReadTimeout = EngineHarness.ReplyTimeout;
                _thread = new Thread(engine.Run) { IsBackground = true, Name = "serprog engine" };
                _thread.Start();
            }

            public UartPair Pair { get; }

            public UartPair.HostEnd Host { get; }

            public RecordingSpiTarget Target { get; }

            public byte[] Receive(int count)
            {
                var buffer = new byte[count];
                for (int done = 0; done < count;)
                {
                    done += Host.Read(buffer.AsSpan(done));
                }

                return buffer;
            }

            public byte Status(byte opcode, params byte[] parameters)
            {
                var frame = new byte[1 + parameters.Length];
                frame[0] = opcode;
                parameters.CopyTo(frame, 1);
                Host.Write(frame);
                return Receive(1)[0];
            }

            public byte Request(int rate)
            {
                var parameters = new byte[SerprogNanoExtensions.BaudParameterLength];
                SerprogNanoFrames.WriteBaudParameters(parameters, 0, unchecked((uint)rate));
                return Status(SerprogNanoOpcode.SetBaudRate, parameters);
            }

            public void WaitForDeviceRate(int rate)
            {
                long deadline = Environment.TickCount64 + (long)EngineHarness.ReplyTimeout.TotalMilliseconds;
                while (Pair.DeviceRate != rate)
                {
                    Assert.IsTrue(Environment.TickCount64 < deadline, "the device never ran at " + rate + " baud");
                    Thread.Sleep(5);
                }
            }

            public void AssertInSync()
            {
                Host.Write(new[] { SerprogOpcode.SyncNop });
                CollectionAssert.AreEqual(new[] { SerprogReply.Nak, SerprogReply.Ack }, Receive(2), "SYNCNOP at the device's rate");
            }

            public void Dispose()
            {
                Pair.Dispose();
                _thread.Join();
            }
        }
    }
}
