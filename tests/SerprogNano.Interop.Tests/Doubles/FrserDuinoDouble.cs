using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;

namespace SerprogNano.Interop.Tests.Doubles
{
    /// <summary>
    /// frser-duino on libfrser (urjaman), built for an ATmega328P at 115200 baud, as behaviour. An interrupt puts
    /// each received byte in a 1024-byte ring (a byte too many overwrites unread input); Q_SERBUF reports the
    /// ring less 4 (1020), Q_WRNMAXLEN 1020 - 7 = 1013, Q_RDNMAXLEN what 115200 baud sends in two seconds rounded
    /// to KiB (23552). O_SPIOP clocks each byte as it is received. Opcodes above 0x18 get NAK unread; opcodes up
    /// to 0x18 it does not implement have their parameters read, then NAK; 0x16 (once O_TOGGLERDY) answers NAK
    /// without reading its parameter. S_SPI_FREQ picks 16 MHz / 2..128.
    /// </summary>
    internal sealed class FrserDuinoDouble : StreamFirmwareDouble
    {
        private const int UartBuffer = 1024;
        private const int SerialBuffer = UartBuffer - 4;
        private const int MaxWrite = SerialBuffer - 7;
        private const int MaxRead = 23 * 1024;
        private const uint CpuClock = 16_000_000;

        private static readonly int[] ParameterLengths =
        {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 0, 4, 0, 4, 0, 0, 0, 1, 6, 4, 1, 0, 4, 8,
        };

        private uint _delayMicroseconds;

        public FrserDuinoDouble(EmulatedSpiNor chip)
            : base(chip)
        {
        }

        public override string Name => "frser-duino";

        protected override int RingSize => UartBuffer;

        protected override void RunCommand(byte opcode)
        {
            if (opcode > 0x18)
            {
                Reply(SerprogReply.Nak);
                return;
            }

            switch (opcode)
            {
                case SerprogOpcode.Nop:
                    Reply(SerprogReply.Ack);
                    return;
                case SerprogOpcode.QueryInterface:
                    Reply(SerprogReply.Ack, 1, 0);
                    return;
                case SerprogOpcode.QueryCommandMap:
                    Reply(SerprogReply.Ack, 0xBF, 0xC9, 0x3F, 0x00);
                    Reply(new byte[28]);
                    return;
                case SerprogOpcode.QueryProgrammerName:
                    Reply(SerprogReply.Ack);
                    ReplyName();
                    return;
                case SerprogOpcode.QuerySerialBuffer:
                    Reply(SerprogReply.Ack, SerialBuffer & 0xFF, SerialBuffer >> 8);
                    return;
                case SerprogOpcode.QueryBusType:
                    Reply(SerprogReply.Ack, BusType.Spi);
                    return;
                case SerprogOpcode.QueryOperationBuffer:
                    Reply(SerprogReply.Ack, 12, 0);
                    return;
                case SerprogOpcode.QueryWriteNMaxLength:
                    Reply(SerprogReply.Ack, MaxWrite & 0xFF, MaxWrite >> 8, 0);
                    return;
                case SerprogOpcode.SyncNop:
                    Reply(SerprogReply.Nak, SerprogReply.Ack);
                    return;
                case SerprogOpcode.QueryReadNMaxLength:
                    Reply(SerprogReply.Ack, MaxRead & 0xFF, (MaxRead >> 8) & 0xFF, MaxRead >> 16);
                    return;
                case 0x16:
                    Reply(SerprogReply.Nak);
                    return;
            }

            var parameters = new byte[ParameterLengths[opcode]];
            Receive(parameters);
            switch (opcode)
            {
                case SerprogOpcode.InitOperationBuffer:
                    Reply(SerprogReply.Ack);
                    _delayMicroseconds = 0;
                    break;
                case SerprogOpcode.DelayInBuffer:
                    _delayMicroseconds += U24(parameters[0], parameters[1], parameters[2]) | ((uint)parameters[3] << 24);
                    Reply(SerprogReply.Ack);
                    break;
                case SerprogOpcode.ExecuteBuffer:
                    if (_delayMicroseconds > 0)
                    {
                        System.Threading.Thread.Sleep((int)(_delayMicroseconds / 1000));
                    }

                    _delayMicroseconds = 0;
                    Reply(SerprogReply.Ack);
                    break;
                case SerprogOpcode.SetBusType:
                    Reply(SerprogReply.Ack);
                    break;
                case SerprogOpcode.SpiOperation:
                    uint sbytes = U24(parameters[0], parameters[1], parameters[2]);
                    uint rbytes = U24(parameters[3], parameters[4], parameters[5]);
                    SpiBegin(System.ReadOnlySpan<byte>.Empty);
                    var one = new byte[1];
                    for (uint i = 0; i < sbytes; i++)
                    {
                        one[0] = Receive();
                        SpiMore(one);
                    }

                    Reply(SerprogReply.Ack);
                    var read = new byte[rbytes];
                    SpiRead(read);
                    Reply(read);
                    SpiEnd();
                    break;
                case SerprogOpcode.SetSpiFrequency:
                    uint hz = U24(parameters[0], parameters[1], parameters[2]) | ((uint)parameters[3] << 24);
                    if (hz == 0)
                    {
                        Reply(SerprogReply.Nak);
                        break;
                    }

                    uint granted = CpuClock / 128;
                    for (uint divider = 2; divider <= 128; divider *= 2)
                    {
                        if (hz >= CpuClock / divider)
                        {
                            granted = CpuClock / divider;
                            break;
                        }
                    }

                    Reply(SerprogReply.Ack);
                    ReplyU32(granted);
                    break;
                case SerprogOpcode.SetPinState:
                    Reply(SerprogReply.Ack);
                    PinsDriven = parameters[0] != 0;
                    break;
                default:
                    Reply(SerprogReply.Nak);
                    break;
            }
        }
    }
}
