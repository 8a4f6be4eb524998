using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;

namespace SerprogNano.Interop.Tests.Doubles
{
    /// <summary>
    /// The libreboot/Canoeboot pico-serprog fork (Kukri, Viitanen; mirrored at YTEC-info/pico-serprog), as
    /// behaviour. It reads every byte straight from TinyUSB's CDC FIFO (readbytes_blocking), so input is one
    /// ordered, flow-controlled stream. Q_SERBUF says 0xFFFF; S_PIN_STATE switches the SPI pins; unknown
    /// opcodes get NAK. Its bug: S_SPI_CS answers NAK for chip selects 4 and up and nothing at all for 0-3
    /// (the handler returns before its ACK).
    /// </summary>
    internal sealed class PicoSerprogLibrebootDouble : StreamFirmwareDouble
    {
        private const uint PeripheralClock = 125_000_000;

        public PicoSerprogLibrebootDouble(EmulatedSpiNor chip)
            : base(chip)
        {
        }

        public override string Name => "pico-serprog";

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
                        SerprogOpcode.SetBusType, SerprogOpcode.SetSpiFrequency, SerprogOpcode.SetPinState, SerprogOpcode.SetSpiChipSelect);
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
                    Reply((Receive() & BusType.Spi) != 0 ? SerprogReply.Ack : SerprogReply.Nak);
                    break;
                case SerprogOpcode.SpiOperation:
                    uint wlen = ReceiveU24();
                    uint rlen = ReceiveU24();
                    var data = new byte[wlen];
                    Receive(data);
                    SpiBegin(data);
                    Reply(SerprogReply.Ack);
                    var read = new byte[rlen];
                    SpiRead(read);
                    Reply(read);
                    SpiEnd();
                    break;
                case SerprogOpcode.SetSpiFrequency:
                    uint hz = ReceiveU32();
                    if (hz == 0)
                    {
                        Reply(SerprogReply.Nak);
                        break;
                    }

                    Reply(SerprogReply.Ack);
                    ReplyU32(Pl022Baudrate(hz));
                    break;
                case SerprogOpcode.SetPinState:
                    PinsDriven = Receive() != 0;
                    Reply(SerprogReply.Ack);
                    break;
                case SerprogOpcode.SetSpiChipSelect:
                    if (Receive() >= 4)
                    {
                        Reply(SerprogReply.Nak);
                    }

                    break; // The bug: no ACK for a valid chip select.
                default:
                    Reply(SerprogReply.Nak);
                    break;
            }
        }

        /// <summary>The SDK's spi_set_baudrate: an even prescale 2-254, then the largest post-divide 1-256 at or below the request.</summary>
        private static uint Pl022Baudrate(uint baudrate)
        {
            uint prescale;
            for (prescale = 2; prescale <= 254; prescale += 2)
            {
                if (PeripheralClock < prescale * 256UL * baudrate)
                {
                    break;
                }
            }

            uint postdiv;
            for (postdiv = 256; postdiv > 1; --postdiv)
            {
                if (PeripheralClock / (prescale * (postdiv - 1)) > baudrate)
                {
                    break;
                }
            }

            return PeripheralClock / (prescale * postdiv);
        }
    }
}
