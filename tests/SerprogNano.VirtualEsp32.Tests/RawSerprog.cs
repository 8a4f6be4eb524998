using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using SerprogNano.Chips;
using SerprogNano.Protocol;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>
    /// Serprog frames byte by byte over the firmware's pty, for what a full client hides: a dropped frame, a
    /// NAK, the frequency the board grants, a frame cut short.
    /// </summary>
    internal sealed class RawSerprog : IDisposable
    {
        private readonly FileStream _port;
        private readonly BlockingCollection<int> _received = new();
        private readonly Thread _reader;
        private volatile bool _closing;

        public RawSerprog(string pty)
        {
            _port = new FileStream(pty, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "pty reader" };
            _reader.Start();
        }

        public void Send(params byte[] bytes)
        {
            _port.Write(bytes, 0, bytes.Length);
            _port.Flush();
        }

        /// <summary>The next <paramref name="count"/> bytes, or fails after <paramref name="timeout"/>.</summary>
        public byte[] Receive(int count, TimeSpan timeout)
        {
            var bytes = new byte[count];
            DateTime end = DateTime.UtcNow + timeout;
            for (int i = 0; i < count; i++)
            {
                TimeSpan left = end - DateTime.UtcNow;
                int value = -1;
                if (left < TimeSpan.Zero || !_received.TryTake(out value, left) || value < 0)
                {
                    Assert.Fail($"received {i} of {count} bytes within {timeout.TotalSeconds} s: {Convert.ToHexString(bytes, 0, i)}");
                }

                bytes[i] = (byte)value;
            }

            return bytes;
        }

        /// <summary>Whatever arrives within <paramref name="quiet"/> (nothing, for a dropped frame).</summary>
        public int CountArriving(TimeSpan quiet)
        {
            int count = 0;
            while (_received.TryTake(out int value, quiet) && value >= 0)
            {
                count++;
            }

            return count;
        }

        /// <summary>S_PIN_STATE: ACK or NAK.</summary>
        public byte SetPinState(bool drive)
        {
            Send(SerprogOpcode.SetPinState, drive ? (byte)1 : (byte)0);
            return Receive(1, TimeSpan.FromSeconds(10))[0];
        }

        /// <summary>S_SPI_CS: ACK or NAK.</summary>
        public byte SelectChip(byte index)
        {
            Send(SerprogOpcode.SetSpiChipSelect, index);
            return Receive(1, TimeSpan.FromSeconds(10))[0];
        }

        /// <summary>O_SPIOP header and write bytes, without waiting for the reply.</summary>
        public void SendSpiOperation(byte[] write, int readCount)
        {
            var frame = new byte[7 + write.Length];
            frame[0] = SerprogOpcode.SpiOperation;
            LittleEndian.WriteUInt24(frame, 1, write.Length);
            LittleEndian.WriteUInt24(frame, 4, readCount);
            Array.Copy(write, 0, frame, 7, write.Length);
            Send(frame);
        }

        /// <summary>JEDEC RDID through O_SPIOP: the reply (ACK + 3 id bytes), or a single NAK.</summary>
        public byte[] ReadJedecId()
        {
            SendSpiOperation(new byte[] { SpiNorOpcodes.ReadJedecId }, 3);
            byte[] first = Receive(1, TimeSpan.FromSeconds(10));
            if (first[0] != SerprogReply.Ack)
            {
                return first;
            }

            byte[] id = Receive(3, TimeSpan.FromSeconds(10));
            return new[] { first[0], id[0], id[1], id[2] };
        }

        /// <summary>S_SPI_FREQ: the frequency granted, or 0 after a NAK.</summary>
        public uint SetFrequency(uint hz)
        {
            var frame = new byte[5];
            frame[0] = SerprogOpcode.SetSpiFrequency;
            LittleEndian.WriteUInt32(frame, 1, hz);
            Send(frame);
            byte reply = Receive(1, TimeSpan.FromSeconds(10))[0];
            return reply == SerprogReply.Ack ? LittleEndian.ReadUInt32(Receive(4, TimeSpan.FromSeconds(10)), 0) : 0;
        }

        /// <summary>
        /// A reader blocked in read() would keep the pty open and steal the next client's replies: a NOP makes the
        /// firmware answer once more, which wakes it to stop before the pty is closed.
        /// </summary>
        public void Dispose()
        {
            _closing = true;
            Send(SerprogOpcode.Nop);
            Assert.IsTrue(_reader.Join(TimeSpan.FromSeconds(10)), "the firmware did not answer a NOP: the pty reader still runs");
            _port.Dispose();
        }

        private void ReadLoop()
        {
            var buffer = new byte[4096];
            try
            {
                int read;
                while (!_closing && (read = _port.Read(buffer, 0, buffer.Length)) > 0)
                {
                    for (int i = 0; i < read; i++)
                    {
                        _received.Add(buffer[i]);
                    }
                }
            }
            catch (IOException)
            {
                // the firmware stopped (the pty's other side closed)
            }
            catch (ObjectDisposedException)
            {
            }

            _received.Add(-1);
        }
    }
}
