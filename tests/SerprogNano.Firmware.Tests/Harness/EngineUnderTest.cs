using System;
using System.IO;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Firmware.Tests.Harness
{
    /// <summary>
    /// The engine as the firmware builds it, on its own thread, behind an in-process link whose device end
    /// counts calls, with the emulated SPI bus counting transfers and the engine thread's allocations tracked.
    /// </summary>
    internal sealed class EngineUnderTest : IDisposable
    {
        private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);

        private readonly InProcessLink _link = new(FrameTimeout);
        private readonly Thread _thread;
        private long _allocatedAfterLastFrame;

        public EngineUnderTest(EngineSettings settings, uint[] clockSteps)
        {
            Flash = new PatternFlash();
            Bus = new EmulatedSpiBus(new ISpiTarget[] { Flash }, clockSteps);
            Link = new CountingSerialLink(_link.Device);
            var engine = new SerprogEngine(Link, Bus, Bus, Bus, settings);
            _link.Host.ReadTimeout = (int)FrameTimeout.TotalMilliseconds;
            _thread = new Thread(() => Serve(engine)) { IsBackground = true, Name = "serprog engine" };
            _thread.Start();
        }

        public PatternFlash Flash { get; }

        public EmulatedSpiBus Bus { get; }

        public CountingSerialLink Link { get; }

        /// <summary>Bytes the engine thread had allocated when it finished its latest frame.</summary>
        public long AllocatedOnEngineThread => Interlocked.Read(ref _allocatedAfterLastFrame);

        /// <summary>Sends one frame and returns the reply's <paramref name="replyLength"/> bytes (ACK/NAK first).</summary>
        public byte[] RoundTrip(byte[] frame, int replyLength)
        {
            _link.Host.Write(frame, 0, frame.Length);
            var reply = new byte[replyLength];
            _link.Host.ReadExactly(reply);
            return reply;
        }

        /// <summary>One O_SPIOP; returns the rlen bytes read after checking the ACK.</summary>
        public byte[] SpiOperation(byte[] write, int readLength)
        {
            var frame = new byte[1 + SerprogLimits.SpiOperationHeaderLength + write.Length];
            frame[0] = SerprogOpcode.SpiOperation;
            LittleEndian.WriteUInt24(frame, 1, write.Length);
            LittleEndian.WriteUInt24(frame, 4, readLength);
            write.CopyTo(frame, 1 + SerprogLimits.SpiOperationHeaderLength);
            byte[] reply = RoundTrip(frame, 1 + readLength);
            Assert.AreEqual(SerprogReply.Ack, reply[0], "O_SPIOP was not acknowledged");
            return reply[1..];
        }

        /// <summary>A NOP round trip: once its ACK is back, the engine has finished every frame before it.</summary>
        public void Sync()
        {
            Assert.AreEqual(SerprogReply.Ack, RoundTrip(new[] { SerprogOpcode.Nop }, 1)[0]);
        }

        public void Dispose()
        {
            _link.Host.Dispose();
            _thread.Join(FrameTimeout);
        }

        private void Serve(SerprogEngine engine)
        {
            bool more;
            do
            {
                more = engine.ProcessNextFrame();
                Interlocked.Exchange(ref _allocatedAfterLastFrame, GC.GetAllocatedBytesForCurrentThread());
            }
            while (more);
        }
    }
}
