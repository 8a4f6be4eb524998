using System;
using System.Threading;
using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;

namespace SerprogNano.Interop.Tests.Doubles
{
    /// <summary>
    /// esp32-serprog (thisiseth, main.c) on its hardware UART, as behaviour. stdin is unbuffered (_IONBF) over
    /// the UART driver's 4096-byte ring, so input is one ordered stream; Q_SERBUF says 4096. Q_WRNMAXLEN and
    /// Q_RDNMAXLEN both say 2047, because one full-duplex transfer carries both phases: an O_SPIOP whose
    /// phases add up to more than 4094 gets NAK and its data is left unread (to be taken as commands). No
    /// S_PIN_STATE; unknown opcodes get NAK unread. After every command the task sleeps one FreeRTOS tick.
    /// S_SPI_FREQ: 80 MHz / n, answered in whole kHz.
    /// </summary>
    internal sealed class Esp32SerprogDouble : StreamFirmwareDouble
    {
        private const int RingBytes = 4096;
        private const int TransferBytes = 4094;
        private const int MaxPhase = TransferBytes / 2;
        private const uint ApbClock = 80_000_000;

        private readonly TimeSpan _tick;

        /// <param name="tick">vTaskDelay(1): 10 ms at ESP-IDF's default 100 Hz, 1 ms at CONFIG_FREERTOS_HZ=1000; zero to leave it out.</param>
        public Esp32SerprogDouble(EmulatedSpiNor chip, TimeSpan tick)
            : base(chip)
        {
            _tick = tick;
        }

        public override string Name => "esp32-serprog";

        protected override int RingSize => RingBytes;

        protected override void AfterCommand()
        {
            if (_tick > TimeSpan.Zero)
            {
                Thread.Sleep(_tick);
            }
        }

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
                        SerprogOpcode.SetBusType, SerprogOpcode.SetSpiFrequency, SerprogOpcode.QueryWriteNMaxLength, SerprogOpcode.QueryReadNMaxLength);
                    break;
                case SerprogOpcode.QueryProgrammerName:
                    Reply(SerprogReply.Ack);
                    ReplyName();
                    break;
                case SerprogOpcode.QuerySerialBuffer:
                    Reply(SerprogReply.Ack, RingBytes & 0xFF, RingBytes >> 8);
                    break;
                case SerprogOpcode.QueryReadNMaxLength:
                case SerprogOpcode.QueryWriteNMaxLength:
                    Reply(SerprogReply.Ack, MaxPhase & 0xFF, MaxPhase >> 8, 0);
                    break;
                case SerprogOpcode.QueryBusType:
                    Reply(SerprogReply.Ack, BusType.Spi);
                    break;
                case SerprogOpcode.SyncNop:
                    Reply(SerprogReply.Nak, SerprogReply.Ack);
                    break;
                case SerprogOpcode.SetBusType:
                    Reply((Receive() | BusType.Spi) == BusType.Spi ? SerprogReply.Ack : SerprogReply.Nak);
                    break;
                case SerprogOpcode.SpiOperation:
                    uint wlen = ReceiveU24();
                    uint rlen = ReceiveU24();
                    if (wlen + rlen > TransferBytes)
                    {
                        Reply(SerprogReply.Nak);
                        break;
                    }

                    var data = new byte[wlen];
                    Receive(data);
                    SpiBegin(data);
                    var read = new byte[rlen];
                    SpiRead(read);
                    SpiEnd();
                    Reply(SerprogReply.Ack);
                    Reply(read);
                    break;
                case SerprogOpcode.SetSpiFrequency:
                    uint hz = ReceiveU32();
                    if (hz == 0)
                    {
                        Reply(SerprogReply.Nak);
                        break;
                    }

                    uint divider = Math.Max(1, (ApbClock + hz - 1) / hz);
                    Reply(SerprogReply.Ack);
                    ReplyU32(ApbClock / divider / 1000 * 1000);
                    break;
                default:
                    Reply(SerprogReply.Nak);
                    break;
            }
        }
    }
}
