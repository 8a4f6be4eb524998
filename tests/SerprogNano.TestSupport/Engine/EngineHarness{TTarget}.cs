using System;
using System.IO;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine;
using SerprogNano.Engine.Hosting.Board;
using SerprogNano.Protocol;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// The engine on its own thread behind an in-process link whose device end counts calls, with SPI targets of
    /// the test's kind on the emulated bus, and helpers to speak raw serprog to it.
    /// </summary>
    public sealed class EngineHarness<TTarget> : IDisposable
        where TTarget : ISpiTarget
    {
        private readonly Thread _thread;
        private long _bytesSent;

        /// <param name="extensions">Whether the engine gets the PC's CRC and clock, and so offers the SerprogNano extensions.</param>
        /// <param name="clock">With the extensions, the clock instead of the PC's.</param>
        public EngineHarness(TTarget[] targets, EngineSettings settings, TimeSpan frameTimeout, uint[]? clockSteps = null, bool extensions = false, IMillisecondClock? clock = null)
        {
            Targets = targets;
            var spiTargets = new ISpiTarget[targets.Length];
            for (int i = 0; i < targets.Length; i++)
            {
                spiTargets[i] = targets[i];
            }

            Bus = new EmulatedSpiBus(spiTargets, clockSteps);
            var link = new InProcessLink(frameTimeout);
            Host = link.Host;
            Host.ReadTimeout = (int)EngineHarness.ReplyTimeout.TotalMilliseconds;
            Link = new CountingSerialLink(link.Device);
            Engine = extensions
                ? new SerprogEngine(Link, Bus, Bus, Bus, settings, new SystemCrc32(), clock ?? new SystemMillisecondClock())
                : new SerprogEngine(Link, Bus, Bus, Bus, settings);
            _thread = new Thread(Engine.Run) { IsBackground = true, Name = "serprog engine" };
            _thread.Start();
        }

        public TTarget[] Targets { get; }

        public TTarget Target => Targets[0];

        public EmulatedSpiBus Bus { get; }

        public SerprogEngine Engine { get; }

        public CountingSerialLink Link { get; }

        public ChannelStream Host { get; }

        public void Send(params byte[] bytes) => Send(bytes, 0, bytes.Length);

        public void Send(byte[] buffer, int offset, int count)
        {
            Host.Write(buffer, offset, count);
            _bytesSent += count;
        }

        /// <summary>Waits until the engine has taken every byte sent so far from the link (an event, not a guess at its speed).</summary>
        public void WaitUntilAllSentIsRead() =>
            WaitFor(() => Link.BytesRead >= _bytesSent, "the engine to read all " + _bytesSent + " bytes sent");

        /// <summary>Waits until, after taking every byte sent so far, the engine has seen the link stay quiet for a frame time-out.</summary>
        public void WaitForFrameTimeout() =>
            WaitFor(() => Link.BytesReadAtLastTimeout >= _bytesSent, "a frame time-out after the " + _bytesSent + " bytes sent");

        public byte[] Receive(int count)
        {
            var buffer = new byte[count];
            Host.ReadExactly(buffer, 0, count);
            return buffer;
        }

        /// <summary>Sends one frame and returns the next <paramref name="replyLength"/> bytes, whatever the status.</summary>
        public byte[] RoundTrip(byte[] frame, int replyLength)
        {
            Send(frame);
            return Receive(replyLength);
        }

        /// <summary>Sends a frame and returns the status byte plus <paramref name="replyLength"/> bytes if it is ACK.</summary>
        public byte[] Command(byte opcode, int replyLength, params byte[] parameters)
        {
            var frame = new byte[1 + parameters.Length];
            frame[0] = opcode;
            parameters.CopyTo(frame, 1);
            Send(frame);
            byte status = Receive(1)[0];
            if (status != SerprogReply.Ack)
            {
                return new[] { status };
            }

            var reply = new byte[1 + replyLength];
            reply[0] = status;
            Host.ReadExactly(reply, 1, replyLength);
            return reply;
        }

        public byte Status(byte opcode, params byte[] parameters) => Command(opcode, 0, parameters)[0];

        public void DrivePins() => EngineHarness.AssertAck(Status(SerprogOpcode.SetPinState, 1));

        /// <summary>One O_SPIOP sent as one piece: the <paramref name="readLength"/> bytes read after an ACK, else the status alone.</summary>
        public byte[] SpiOperation(byte[] write, int readLength)
        {
            byte[] header = EngineHarness.SpiHeader(write.Length, readLength);
            var frame = new byte[header.Length + write.Length];
            header.CopyTo(frame, 0);
            write.CopyTo(frame, header.Length);
            Send(frame);
            byte status = Receive(1)[0];
            return status == SerprogReply.Ack ? Receive(readLength) : new[] { status };
        }

        /// <summary>A NOP round trip: once its ACK is back, the engine has finished every frame before it.</summary>
        public void Sync() => EngineHarness.AssertAck(RoundTrip(new[] { SerprogOpcode.Nop }, 1)[0]);

        /// <summary>SYNCNOP must answer NAK then ACK: proof the engine is at a frame boundary.</summary>
        public void AssertInSync()
        {
            Send(SerprogOpcode.SyncNop);
            CollectionAssert.AreEqual(new[] { SerprogReply.Nak, SerprogReply.Ack }, Receive(2), "SYNCNOP after the previous frame");
            Assert.AreEqual(0, Host.BytesAvailable, "stray bytes after SYNCNOP");
        }

        /// <summary>
        /// Bytes the engine thread has allocated in its lifetime, up to the end of every frame sent so far: a NOP
        /// round trip ends them, and the engine's read of the NOP (made before its ACK) takes the count.
        /// </summary>
        public long AllocatedOnEngineThread()
        {
            Sync();
            return Link.AllocatedAtLastRead;
        }

        private static void WaitFor(Func<bool> condition, string what)
        {
            long deadline = Environment.TickCount64 + (long)EngineHarness.ReplyTimeout.TotalMilliseconds;
            while (!condition())
            {
                if (Environment.TickCount64 > deadline)
                {
                    Assert.Fail("Timed out waiting for " + what + ".");
                }

                Thread.Sleep(1);
            }
        }

        public void Dispose()
        {
            Host.Dispose();
            if (!_thread.Join(EngineHarness.ReplyTimeout))
            {
                throw new IOException("The engine did not stop when its link closed.");
            }
        }
    }
}
