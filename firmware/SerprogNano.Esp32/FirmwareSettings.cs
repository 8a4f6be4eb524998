using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Esp32
{
    /// <summary>The sizes the firmware allocates at start-up and the limits it reports from them.</summary>
    public static class FirmwareSettings
    {
        /// <summary>
        /// The engine's data buffer, and so the largest SPI transfer and serial write: a full read moves
        /// 4 KiB per bulk call (256 per MiB), well under the ESP32 SPI driver's 16 KiB transfer limit.
        /// </summary>
        public const int DataBufferSize = 4096;

        /// <summary>Q_WRNMAXLEN: a write phase up to this size is received whole before chip select falls.</summary>
        public const int MaxWriteLength = DataBufferSize;

        /// <summary>
        /// Q_SERBUF and the UART receive buffer: the UART has no flow control, so the longest O_SPIOP frame
        /// the host may send (opcode, header, data) must fit in it whole.
        /// </summary>
        public const int SerialReceiveBufferSize = 1 + SerprogLimits.SpiOperationHeaderLength + MaxWriteLength;

        public static EngineSettings ForBoard(BoardProfile board)
        {
            EngineSettings settings = new EngineSettings();
            settings.ProgrammerName = board.ProgrammerName;
            settings.BufferSize = DataBufferSize;
            settings.MaxWriteLength = MaxWriteLength;
            settings.MaxReadLength = SerprogLimits.MaxLength24 - 1; // the read phase streams: any length a frame can carry
            settings.SerialBufferSize = SerialReceiveBufferSize;
            return settings;
        }
    }
}
