using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Interop.Tests.Doubles
{
    /// <summary>
    /// A serprog firmware other than ours, modeled from its source as behaviour: its command map, replies,
    /// silences, input buffering and bugs, in front of an emulated chip. One instance serves one host at a
    /// time (<see cref="Serve"/> runs per connection, as SerprogTcpServer calls it).
    /// </summary>
    internal abstract class FirmwareDouble
    {
        private readonly List<byte> _reply = new();
        private readonly byte[] _chunk = new byte[8192];
        private ISerialLink? _link;

        protected FirmwareDouble(EmulatedSpiNor chip)
        {
            Chip = chip;
        }

        public EmulatedSpiNor Chip { get; }

        /// <summary>Q_PGMNAME as the firmware sends it (16 bytes, zero padded).</summary>
        public abstract string Name { get; }

        /// <summary>Whether the firmware drives the chip's lines (S_PIN_STATE); off, the chip sees nothing and MISO floats high.</summary>
        protected bool PinsDriven { get; set; } = true;

        /// <summary>Bytes that arrived but were lost (a UART ring overrun); a correct host never causes one.</summary>
        public long BytesLost { get; protected set; }

        /// <summary>Runs the firmware's command loop on one host's link until the link closes.</summary>
        public void Serve(ISerialLink link)
        {
            _link = link;
            ResetSession();
            try
            {
                while (true)
                {
                    RunCommand(NextOpcode());
                    FlushReply();
                    AfterCommand();
                }
            }
            catch (LinkClosedException)
            {
                // The host went away.
            }
            catch (IOException)
            {
                // The host went away mid-reply.
            }
        }

        /// <summary>Clears per-connection input state (buffers between the wire and the command loop).</summary>
        protected virtual void ResetSession()
        {
            _reply.Clear();
        }

        protected abstract byte NextOpcode();

        protected abstract void RunCommand(byte opcode);

        /// <summary>Anything the firmware does between commands (a scheduler tick).</summary>
        protected virtual void AfterCommand()
        {
        }

        /// <summary>One read of the wire, as the link delivers it (a USB packet, a TCP segment): at least one byte.</summary>
        protected int Arrive(byte[] buffer, int max)
        {
            while (true)
            {
                int read = _link!.Read(buffer, 0, Math.Min(max, buffer.Length));
                if (read < 0)
                {
                    throw new LinkClosedException();
                }

                if (read > 0)
                {
                    return read;
                }
            }
        }

        protected void Reply(params byte[] bytes) => _reply.AddRange(bytes);

        protected void Reply(ReadOnlySpan<byte> bytes)
        {
            foreach (byte b in bytes)
            {
                _reply.Add(b);
            }
        }

        protected void ReplyU32(uint value) => Reply((byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24));

        protected void ReplyName()
        {
            var name = new byte[SerprogLimits.ProgrammerNameLength];
            System.Text.Encoding.ASCII.GetBytes(Name).CopyTo(name, 0);
            Reply(name);
        }

        protected void ReplyMap(params byte[] opcodes)
        {
            var map = new byte[SerprogLimits.CommandMapLength];
            foreach (byte opcode in opcodes)
            {
                map[opcode / 8] |= (byte)(1 << (opcode % 8));
            }

            Reply(map);
        }

        protected void FlushReply()
        {
            if (_reply.Count > 0)
            {
                byte[] bytes = _reply.ToArray();
                _reply.Clear();
                _link!.Write(bytes, 0, bytes.Length);
            }
        }

        /// <summary>Chip select low, clock <paramref name="write"/> out, clock <paramref name="read"/> in; chip select stays low.</summary>
        protected void SpiBegin(ReadOnlySpan<byte> write)
        {
            if (PinsDriven)
            {
                Chip.Select();
                Clock(write);
            }
        }

        protected void SpiMore(ReadOnlySpan<byte> write)
        {
            if (PinsDriven)
            {
                Clock(write);
            }
        }

        protected void SpiRead(Span<byte> read)
        {
            if (!PinsDriven)
            {
                read.Fill(0xFF);
                return;
            }

            var mosi = new byte[read.Length];
            mosi.AsSpan().Fill(0xFF);
            Chip.Exchange(mosi, read);
        }

        protected void SpiEnd()
        {
            if (PinsDriven)
            {
                Chip.Deselect();
            }
        }

        private void Clock(ReadOnlySpan<byte> write)
        {
            if (!write.IsEmpty)
            {
                Chip.Exchange(write, new byte[write.Length]);
            }
        }

        protected static uint U24(byte a, byte b, byte c) => a | ((uint)b << 8) | ((uint)c << 16);

        protected sealed class LinkClosedException : Exception
        {
        }
    }

    /// <summary>
    /// A device whose input is one byte stream (a UART ring or a USB FIFO with flow control): bytes come in
    /// order, one at a time. With <see cref="RingSize"/> set, bytes beyond the ring's room are lost as a UART
    /// without flow control loses them.
    /// </summary>
    internal abstract class StreamFirmwareDouble : FirmwareDouble
    {
        private readonly Queue<byte> _ring = new();
        private readonly byte[] _wire = new byte[65536];

        protected StreamFirmwareDouble(EmulatedSpiNor chip)
            : base(chip)
        {
        }

        /// <summary>Bytes the input ring holds, or 0 for a flow-controlled link that never loses any.</summary>
        protected virtual int RingSize => 0;

        protected override void ResetSession()
        {
            base.ResetSession();
            _ring.Clear();
        }

        protected override byte NextOpcode() => Receive();

        protected byte Receive()
        {
            if (_ring.Count == 0)
            {
                int count = Arrive(_wire, _wire.Length);
                for (int i = 0; i < count; i++)
                {
                    if (RingSize > 0 && _ring.Count >= RingSize - 1)
                    {
                        BytesLost++;
                        continue;
                    }

                    _ring.Enqueue(_wire[i]);
                }
            }

            return _ring.Dequeue();
        }

        protected void Receive(Span<byte> destination)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = Receive();
            }
        }

        protected uint ReceiveU24() => U24(Receive(), Receive(), Receive());

        protected uint ReceiveU32() => ReceiveU24() | ((uint)Receive() << 24);
    }
}
