using System;
using System.Threading;
using SerprogNano.Protocol;

namespace SerprogNano.Engine.Tests
{
    /// <summary>
    /// Bounded, seeded fuzzing of the engine over the in-process link: every complete frame gets the
    /// ACK or NAK the protocol demands, nothing is allocated per frame, and SYNCNOP works after anything.
    /// A longer run: set SERPROG_FUZZ_FRAMES (and SERPROG_FUZZ_SEED) and run this class alone.
    /// </summary>
    [TestClass]
    public sealed class EngineFuzzTests
    {
        private const int BatchFrames = 1000;

        private static readonly EngineSettings Settings = new()
        {
            BufferSize = 256,
            MaxWriteLength = 256,
            MaxReadLength = 600,
            SerialBufferSize = 256,
        };

        private static int Frames => int.TryParse(Environment.GetEnvironmentVariable("SERPROG_FUZZ_FRAMES"), out int n) ? n : 1_000_000;

        private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("SERPROG_FUZZ_SEED"), out int n) ? n : 20261124;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Random_frames_are_each_answered_as_the_protocol_demands()
        {
            using var engine = RecordingEngine.Start(Settings);
            engine.Target.MosiLogLimit = 0;
            var source = new RandomFrameSource(Seed, Settings);
            var batch = new byte[BatchFrames * (7 + Settings.MaxWriteLength + 64)];
            var replies = new byte[BatchFrames * (1 + Settings.MaxReadLength + 64)];
            var statusOffsets = new int[BatchFrames];
            var statuses = new byte[BatchFrames];
            var opcodes = new byte[BatchFrames];
            long allocatedBefore = engine.AllocatedOnEngineThread();
            int frames = 0;

            while (frames < Frames)
            {
                int count = Math.Min(BatchFrames, Frames - frames);
                int batchLength = 0;
                int replyLength = 0;
                for (int i = 0; i < count; i++)
                {
                    (int length, byte status) = source.Next(batch.AsSpan(batchLength), out int frameLength);
                    opcodes[i] = batch[batchLength];
                    batchLength += frameLength;
                    statusOffsets[i] = replyLength;
                    statuses[i] = status;
                    replyLength += length;
                }

                engine.Send(batch, 0, batchLength);
                engine.Host.ReadExactly(replies, 0, replyLength);
                for (int i = 0; i < count; i++)
                {
                    byte actual = replies[statusOffsets[i]];
                    if (actual != statuses[i])
                    {
                        Assert.Fail($"frame {frames + i} ({SerprogCommandTable.NameOf(opcodes[i])}, seed {Seed}): status 0x{actual:X2}, protocol demands 0x{statuses[i]:X2}");
                    }
                }

                frames += count;
            }

            long allocated = engine.AllocatedOnEngineThread() - allocatedBefore;
            engine.AssertInSync();
            TestContext.WriteLine($"{frames} random frames (seed {Seed}), {engine.Bus.TransferCalls} SPI transfers, {allocated} bytes allocated in all");
            Assert.AreEqual(0, engine.Engine.FramesDropped, "no complete frame may be dropped");
            Assert.IsLessThan(RecordingEngine.AllocationAllowance, allocated, $"{allocated} bytes allocated by the engine thread for {frames} frames: the engine must not allocate per frame");
        }

        [TestMethod]
        public void Arbitrary_bytes_then_silence_always_leave_the_engine_ready_for_syncnop()
        {
            var frameTimeout = TimeSpan.FromMilliseconds(20);
            using var engine = RecordingEngine.Start(Settings, frameTimeout: frameTimeout);
            var random = new Random(Seed);
            var junk = new byte[64];
            for (int round = 0; round < 150; round++)
            {
                int length = 1 + random.Next(junk.Length);
                random.NextBytes(junk);
                engine.Send(junk, 0, length);
                engine.WaitForFrameTimeout();
                engine.Host.DiscardInput();
                engine.Send(SerprogOpcode.SyncNop);
                byte[] reply = engine.Receive(2);
                if (reply[0] != SerprogReply.Nak || reply[1] != SerprogReply.Ack)
                {
                    // The junk may have ended inside a frame the SYNCNOP completed; one more proves the boundary.
                    engine.Host.DiscardInput();
                    engine.AssertInSync();
                }
            }

            engine.AssertInSync();
        }
    }
}
