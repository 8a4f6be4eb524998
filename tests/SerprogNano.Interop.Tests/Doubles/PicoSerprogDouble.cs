using System;
using System.Collections.Generic;
using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;

namespace SerprogNano.Interop.Tests.Doubles
{
    /// <summary>
    /// Upstream pico-serprog (stacksmashing, main.c), as behaviour. Opcodes and parameters come through the
    /// SDK's wrapped getchar, which reads the USB CDC FIFO (64 bytes on a full-speed RP2040) directly; O_SPIOP's
    /// data comes through newlib's fread(stdin), which refills its own 1024-byte buffer with whatever the FIFO
    /// holds. Bytes that follow an O_SPIOP's data in the FIFO at that moment stay in newlib's buffer: getchar
    /// never sees them, and the next O_SPIOP's fread takes them first, as its data. A host that waits for each
    /// reply never has such bytes in the FIFO. The write buffer is 4096 bytes, unchecked; unknown opcodes get
    /// NAK without their parameters being read; S_PIN_STATE is read and ignored.
    /// </summary>
    internal class PicoSerprogDouble : FirmwareDouble
    {
        private const int FifoBytes = 64;
        private const int NewlibBuffer = 1024;
        private const uint SystemClock = 125_000_000;
        private const int CyclesPerBit = 4;

        private readonly Queue<byte> _fifo = new();
        private readonly Queue<byte> _stdin = new();
        private readonly byte[] _packet = new byte[FifoBytes];

        public PicoSerprogDouble(EmulatedSpiNor chip)
            : base(chip)
        {
        }

        public override string Name => "pico-serprog";

        /// <summary>O_SPIOPs after which newlib's stdin buffer kept bytes that getchar will never see.</summary>
        public long StrandedReads { get; private set; }

        protected override void ResetSession()
        {
            base.ResetSession();
            _fifo.Clear();
            _stdin.Clear();
        }

        protected override byte NextOpcode() => GetChar();

        protected override void RunCommand(byte opcode)
        {
            switch (opcode)
            {
                case SerprogOpcode.Nop:
                    Reply(SerprogReply.Ack);
                    break;
                case SerprogOpcode.QueryInterface:
                    Reply(SerprogReply.Ack, 1, 0);
                    break;
                case SerprogOpcode.QueryCommandMap:
                    Reply(SerprogReply.Ack);
                    ReplyMap(CommandMap);
                    break;
                case SerprogOpcode.QueryProgrammerName:
                    Reply(SerprogReply.Ack);
                    ReplyName();
                    break;
                case SerprogOpcode.QuerySerialBuffer:
                    Reply(SerprogReply.Ack, 0xFF, 0xFF);
                    break;
                case SerprogOpcode.QueryBusType:
                    Reply(SerprogReply.Ack, BusType.Spi);
                    break;
                case SerprogOpcode.SyncNop:
                    Reply(SerprogReply.Nak, SerprogReply.Ack);
                    break;
                case SerprogOpcode.SetBusType:
                    Reply((GetChar() | BusType.Spi) == BusType.Spi ? SerprogReply.Ack : SerprogReply.Nak);
                    break;
                case SerprogOpcode.SpiOperation:
                    SpiOperation();
                    break;
                case SerprogOpcode.SetSpiFrequency:
                    uint hz = U24(GetChar(), GetChar(), GetChar()) | ((uint)GetChar() << 24);
                    if (hz == 0)
                    {
                        Reply(SerprogReply.Nak);
                        break;
                    }

                    double divider = Math.Clamp(SystemClock / ((double)hz * CyclesPerBit), 1.0, 65536.0);
                    Reply(SerprogReply.Ack);
                    ReplyU32((uint)(SystemClock / (divider * CyclesPerBit)));
                    break;
                case SerprogOpcode.SetPinState:
                    GetChar(); // TODO in the source: the lines stay driven.
                    Reply(SerprogReply.Ack);
                    break;
                default:
                    UnknownOpcode(opcode);
                    break;
            }
        }

        protected virtual byte[] CommandMap => new[]
        {
            SerprogOpcode.Nop, SerprogOpcode.QueryInterface, SerprogOpcode.QueryCommandMap, SerprogOpcode.QueryProgrammerName,
            SerprogOpcode.QuerySerialBuffer, SerprogOpcode.QueryBusType, SerprogOpcode.SyncNop, SerprogOpcode.SpiOperation,
            SerprogOpcode.SetBusType, SerprogOpcode.SetSpiFrequency, SerprogOpcode.SetPinState,
        };

        protected virtual void UnknownOpcode(byte opcode) => Reply(SerprogReply.Nak);

        private void SpiOperation()
        {
            uint wlen = U24(GetChar(), GetChar(), GetChar());
            uint rlen = U24(GetChar(), GetChar(), GetChar());
            var data = new byte[wlen];
            FreadStdin(data);
            SpiBegin(data.AsSpan(0, (int)Math.Min(wlen, 4096u))); // write_buffer[4096]: longer data overruns it.
            Reply(SerprogReply.Ack);
            var read = new byte[rlen];
            SpiRead(read);
            Reply(read);
            SpiEnd();
        }

        /// <summary>The wrapped getchar: one byte straight from the USB FIFO.</summary>
        private byte GetChar()
        {
            FillFifoIfEmpty();
            return _fifo.Dequeue();
        }

        /// <summary>newlib's fread: what its buffer holds first, then refills of up to 1024 bytes from whatever the FIFO has.</summary>
        private void FreadStdin(Span<byte> destination)
        {
            int done = 0;
            while (done < destination.Length)
            {
                if (_stdin.Count == 0)
                {
                    // _read → stdio_get_until: returns as soon as the FIFO has anything, with all it has.
                    FillFifoIfEmpty();
                    while (_fifo.Count > 0 && _stdin.Count < NewlibBuffer)
                    {
                        _stdin.Enqueue(_fifo.Dequeue());
                    }
                }

                destination[done++] = _stdin.Dequeue();
            }

            StrandedReads += _stdin.Count > 0 ? 1 : 0;
        }

        private void FillFifoIfEmpty()
        {
            if (_fifo.Count > 0)
            {
                return;
            }

            int count = Arrive(_packet, FifoBytes);
            for (int i = 0; i < count; i++)
            {
                _fifo.Enqueue(_packet[i]);
            }
        }
    }

    /// <summary>
    /// The same firmware renamed: what an unknown serprog device with an unknown bug looks like to the host.
    /// The host must drive it stop-and-wait, and then it works.
    /// </summary>
    internal sealed class UnknownFirmwareDouble : PicoSerprogDouble
    {
        public UnknownFirmwareDouble(EmulatedSpiNor chip)
            : base(chip)
        {
        }

        public override string Name => "acme-flasher";
    }
}
