using System;
using System.IO;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Protocol;

namespace SerprogNano.Engine.Tests
{
    /// <summary>The engine on a thread behind an in-process link, with helpers to speak raw serprog to it.</summary>
    internal sealed class EngineHarness : IDisposable
    {
        public static readonly TimeSpan FrameTimeout = TimeSpan.FromMilliseconds(200);

        private readonly Thread _thread;

        public EngineHarness(EngineSettings? settings = null, int chipSelectLines = 1, TimeSpan? frameTimeout = null)
        {
            Targets = new RecordingSpiTarget[chipSelectLines];
            for (int i = 0; i < chipSelectLines; i++)
            {
                Targets[i] = new RecordingSpiTarget();
            }

            Bus = new EmulatedSpiBus(Targets);
            var link = new InProcessLink(frameTimeout ?? FrameTimeout);
            Host = link.Host;
            Host.ReadTimeout = 5000;
            Engine = new SerprogEngine(link.Device, Bus, Bus, Bus, settings ?? new EngineSettings { ProgrammerName = "harness" });
            _thread = new Thread(Engine.Run) { IsBackground = true };
            _thread.Start();
        }

        public RecordingSpiTarget[] Targets { get; }

        public RecordingSpiTarget Target => Targets[0];

        public EmulatedSpiBus Bus { get; }

        public SerprogEngine Engine { get; }

        public ChannelStream Host { get; }

        public void Send(params byte[] bytes) => Host.Write(bytes, 0, bytes.Length);

        public byte[] Receive(int count)
        {
            var buffer = new byte[count];
            Host.ReadExactly(buffer, 0, count);
            return buffer;
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

        public void DrivePins() => AssertAck(Status(SerprogOpcode.SetPinState, 1));

        /// <summary>O_SPIOP header: u24 slen, u24 rlen.</summary>
        public static byte[] SpiHeader(int writeLength, int readLength)
        {
            var header = new byte[7];
            header[0] = SerprogOpcode.SpiOperation;
            LittleEndian.WriteUInt24(header, 1, writeLength);
            LittleEndian.WriteUInt24(header, 4, readLength);
            return header;
        }

        public byte[] SpiOperation(byte[] write, int readLength)
        {
            Send(SpiHeader(write.Length, readLength));
            Send(write);
            byte status = Receive(1)[0];
            return status == SerprogReply.Ack ? Receive(readLength) : new[] { status };
        }

        /// <summary>SYNCNOP must answer NAK then ACK: proof the engine is at a frame boundary.</summary>
        public void AssertInSync()
        {
            Send(SerprogOpcode.SyncNop);
            CollectionAssert.AreEqual(new[] { SerprogReply.Nak, SerprogReply.Ack }, Receive(2), "SYNCNOP after the previous frame");
            Assert.AreEqual(0, Host.BytesAvailable, "stray bytes after SYNCNOP");
        }

        public static void AssertAck(byte status) => Assert.AreEqual(SerprogReply.Ack, status, "expected ACK");

        public static void AssertNak(byte status) => Assert.AreEqual(SerprogReply.Nak, status, "expected NAK");

        public void Dispose()
        {
            Host.Dispose();
            if (!_thread.Join(TimeSpan.FromSeconds(5)))
            {
                throw new IOException("The engine did not stop when its link closed.");
            }
        }
    }
}
