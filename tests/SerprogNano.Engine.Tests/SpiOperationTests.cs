using System;
using SerprogNano.Chips;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>O_SPIOP: chip select framing, streaming through the fixed buffer, and refused parameters.</summary>
    [TestClass]
    public sealed class SpiOperationTests
    {
        // The u24 length fields of O_SPIOP top out one byte short of 16 MiB.
        private const int SixteenMiB = (16 * 1024 * 1024) - 1;

        [TestMethod]
        public void Write_then_read_under_one_chip_select()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            byte[] reply = engine.SpiOperation(new byte[] { SpiNorOpcodes.Read, 0x12, 0x34, 0x56 }, 3);
            Assert.AreEqual("S 03 12 34 56 ff ff ff D", engine.Target.Events);
            CollectionAssert.AreEqual(new[] { RecordingSpiTarget.PatternAt(4), RecordingSpiTarget.PatternAt(5), RecordingSpiTarget.PatternAt(6) }, reply);
        }

        [TestMethod]
        public void A_short_write_and_read_is_one_transfer_with_the_same_bytes_on_the_wire()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            long before = engine.Bus.TransferCalls;
            byte[] reply = engine.SpiOperation(new byte[] { SpiNorOpcodes.ReadStatus }, 1);
            Assert.AreEqual(1, engine.Bus.TransferCalls - before, "RDSR: the command and the status byte in one transfer");
            Assert.AreEqual("S 05 ff D", engine.Target.Events);
            Assert.AreEqual(RecordingSpiTarget.PatternAt(1), reply[0]);

            before = engine.Bus.TransferCalls;
            engine.SpiOperation(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, 64);
            Assert.AreEqual(2, engine.Bus.TransferCalls - before, "a longer read: the command, then the read streamed");
            engine.AssertInSync();
        }

        [TestMethod]
        public void Write_only_and_empty_operations_are_acknowledged()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            Assert.AreEqual(0, engine.SpiOperation(new byte[] { SpiNorOpcodes.WriteEnable }, 0).Length);
            Assert.AreEqual(0, engine.SpiOperation(Array.Empty<byte>(), 0).Length);
            Assert.AreEqual("S 06 D S D", engine.Target.Events);
            engine.AssertInSync();
        }

        [TestMethod]
        public void Reply_to_a_short_read_leaves_in_one_write()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            engine.Send(EngineHarness.SpiHeader(1, 3));
            engine.Send(SpiNorOpcodes.ReadJedecId);
            var buffer = new byte[16];
            int got = 0;
            // One write of ACK + data: the first read returns all of it at once.
            got = engine.Host.Read(buffer, 0, buffer.Length);
            Assert.AreEqual(4, got);
        }

        [TestMethod]
        public void Refused_while_pins_are_released_and_the_chip_is_never_touched()
        {
            using var engine = RecordingEngine.Start();
            EngineHarness.AssertNak(engine.SpiOperation(new byte[] { SpiNorOpcodes.WriteEnable }, 0)[0]);
            engine.AssertInSync();
            Assert.AreEqual(0, engine.Target.Selects);
            Assert.AreEqual(0, engine.Bus.TransferCalls);
        }

        [TestMethod]
        public void Write_length_above_the_maximum_is_refused_and_its_data_swallowed()
        {
            using var engine = RecordingEngine.Start(new EngineSettings { MaxWriteLength = 300 });
            engine.DrivePins();
            EngineHarness.AssertNak(engine.SpiOperation(new byte[301], 0)[0]);
            engine.AssertInSync();
            Assert.AreEqual(0, engine.Target.Selects);
        }

        [TestMethod]
        public void Read_length_above_the_maximum_is_refused()
        {
            using var engine = RecordingEngine.Start(new EngineSettings { MaxReadLength = 1000 });
            engine.DrivePins();
            EngineHarness.AssertNak(engine.SpiOperation(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, 1001)[0]);
            engine.AssertInSync();
            Assert.AreEqual(0, engine.Target.Selects);
            CollectionAssert.AreEqual(new[] { RecordingSpiTarget.PatternAt(4) }, engine.SpiOperation(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, 1000)[..1]);
        }

        [TestMethod]
        public void Sixteen_mib_read_streams_through_the_fixed_buffer_under_one_chip_select()
        {
            var settings = new EngineSettings();
            using var engine = RecordingEngine.Start(settings);
            engine.DrivePins();
            engine.Target.MosiLogLimit = 0;
            long allocatedBefore = engine.AllocatedOnEngineThread();

            engine.Send(EngineHarness.SpiHeader(4, SixteenMiB));
            engine.Send(0x03, 0, 0, 0);
            Assert.AreEqual(SerprogReply.Ack, engine.Receive(1)[0]);
            var chunk = new byte[65536];
            long position = 4; // the pattern counts the 4 command bytes too
            long left = SixteenMiB;
            while (left > 0)
            {
                int got = engine.Host.Read(chunk, 0, (int)Math.Min(chunk.Length, left));
                for (int i = 0; i < got; i += 4093)
                {
                    Assert.AreEqual(RecordingSpiTarget.PatternAt(position + i), chunk[i], $"byte {position + i - 4}");
                }

                Assert.AreEqual(RecordingSpiTarget.PatternAt(position + got - 1), chunk[got - 1]);
                position += got;
                left -= got;
            }

            long allocated = engine.AllocatedOnEngineThread() - allocatedBefore;
            engine.AssertInSync();
            Assert.AreEqual(1, engine.Target.Selects, "CS held for the whole read");
            Assert.AreEqual(1, engine.Target.Deselects);
            Assert.IsTrue(engine.Target.LargestExchange <= settings.BufferSize, $"largest SPI transfer {engine.Target.LargestExchange}");
            long minimumCalls = (SixteenMiB + settings.BufferSize - 1) / settings.BufferSize;
            Assert.IsTrue(engine.Target.ExchangeCalls <= minimumCalls + 2, $"{engine.Target.ExchangeCalls} SPI calls: the read is not moved in whole buffers");
            Assert.IsLessThan(RecordingEngine.AllocationAllowance, allocated, $"{allocated} bytes allocated by the engine thread during a 16 MiB read: memory must stay flat");
        }

        [TestMethod]
        public void Sixteen_mib_write_streams_when_the_board_advertises_it()
        {
            var settings = new EngineSettings { MaxWriteLength = SerprogLimits.MaxLength24 };
            using var engine = RecordingEngine.Start(settings);
            engine.DrivePins();
            engine.Target.MosiLogLimit = 0;
            long allocatedBefore = engine.AllocatedOnEngineThread();
            engine.Send(EngineHarness.SpiHeader(SixteenMiB, 0));
            var data = new byte[65536];
            for (int sent = 0; sent < SixteenMiB; sent += data.Length)
            {
                engine.Send(data, 0, Math.Min(data.Length, SixteenMiB - sent));
            }

            Assert.AreEqual(SerprogReply.Ack, engine.Receive(1)[0]);
            long allocated = engine.AllocatedOnEngineThread() - allocatedBefore;
            engine.AssertInSync();
            Assert.AreEqual(SixteenMiB, engine.Target.BytesClocked);
            Assert.AreEqual(1, engine.Target.Selects);
            Assert.IsTrue(engine.Target.LargestExchange <= settings.BufferSize);
            Assert.IsLessThan(RecordingEngine.AllocationAllowance, allocated, $"{allocated} bytes allocated by the engine thread during a 16 MiB write");
        }
    }
}
