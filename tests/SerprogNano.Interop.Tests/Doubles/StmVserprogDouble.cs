using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;

namespace SerprogNano.Interop.Tests.Doubles
{
    /// <summary>
    /// stm32-vserprog (dword1511: vserprog.c, usbcdc.c, spi.c), as behaviour. Input is read a USB packet (at most
    /// 64 bytes, as the link delivers them) at a time. O_SPIOP's write phase takes the whole rest of the current
    /// packet as data and then whole packets until its count is used up, the count being unsigned: a command
    /// behind the data in the same packet is clocked to the chip and the count wraps, so it goes on eating
    /// input. Q_SERBUF pretends 0xFFFF. Opcodes 0x06-0x0F, 0x11 and unknown ones get no reply at all and
    /// their parameters are not read. S_SPI_FREQ picks 72 MHz / 2..256.
    /// </summary>
    internal sealed class StmVserprogDouble : FirmwareDouble
    {
        private const int PacketBytes = 64;
        private const uint BusClock = 72_000_000;

        private readonly byte[] _packet = new byte[PacketBytes];
        private int _head;
        private int _tail;

        public StmVserprogDouble(EmulatedSpiNor chip)
            : base(chip)
        {
        }

        public override string Name => "stm32-vserprog";

        protected override void ResetSession()
        {
            base.ResetSession();
            _head = 0;
            _tail = 0;
        }

        protected override byte NextOpcode() => GetC();

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
                    ReplyMap(
                        SerprogOpcode.Nop, SerprogOpcode.QueryInterface, SerprogOpcode.QueryCommandMap, SerprogOpcode.QueryProgrammerName,
                        SerprogOpcode.QuerySerialBuffer, SerprogOpcode.QueryBusType, SerprogOpcode.SyncNop, SerprogOpcode.SpiOperation,
                        SerprogOpcode.SetBusType, SerprogOpcode.SetSpiFrequency, SerprogOpcode.SetPinState);
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
                    Reply((GetC() | BusType.Spi) == BusType.Spi ? SerprogReply.Ack : SerprogReply.Nak);
                    break;
                case SerprogOpcode.SpiOperation:
                    uint slen = U24(GetC(), GetC(), GetC());
                    uint rlen = U24(GetC(), GetC(), GetC());
                    SpiBegin(ReadOnlySpan<byte>.Empty);
                    if (slen != 0)
                    {
                        BulkWrite(slen);
                    }

                    Reply(SerprogReply.Ack);
                    var read = new byte[rlen];
                    SpiRead(read);
                    Reply(read);
                    SpiEnd();
                    break;
                case SerprogOpcode.SetSpiFrequency:
                    uint hz = U24(GetC(), GetC(), GetC()) | ((uint)GetC() << 24);
                    if (hz == 0)
                    {
                        Reply(SerprogReply.Nak);
                        break;
                    }

                    uint granted = BusClock / 256;
                    for (uint divider = 128; divider >= 2; divider /= 2)
                    {
                        if (hz >= BusClock / divider)
                        {
                            granted = BusClock / divider;
                        }
                    }

                    PinsDriven = true; // spi_setup enables the pins.
                    Reply(SerprogReply.Ack);
                    ReplyU32(granted);
                    break;
                case SerprogOpcode.SetPinState:
                    PinsDriven = GetC() != 0;
                    Reply(SerprogReply.Ack);
                    break;
                default:
                    break; // "TODO: notify protocol failure": silence.
            }
        }

        /// <summary>spi_bulk_write: the rest of this packet, then whole packets, counted down in an unsigned 32-bit length.</summary>
        private void BulkWrite(uint slen)
        {
            int remainder = _tail - _head;
            if (remainder > 0)
            {
                SpiMore(_packet.AsSpan(_head, remainder));
                slen -= (uint)remainder;
            }

            _head = _tail;
            while (slen > 0)
            {
                int length = FetchPacket();
                SpiMore(_packet.AsSpan(0, length));
                slen -= (uint)length;
            }

            _head = _tail;
        }

        private byte GetC()
        {
            if (_head >= _tail)
            {
                FetchPacket();
            }

            return _packet[_head++];
        }

        private int FetchPacket()
        {
            _tail = Arrive(_packet, PacketBytes);
            _head = 0;
            return _tail;
        }
    }
}
