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

        /// <summary>
        /// How long O_NANO_SPIOP_WAIT polls back to back: past a typical 4 KiB sector erase (45 ms on a W25Q64FV), so
        /// that page programs and sector erases end when the chip does. nanoFramework's shortest sleep on the ESP32 is
        /// one FreeRTOS tick (Thread.Sleep(1): up to 10 ms at 100 Hz, see firmware/README.md); a longer erase (a 64 KiB
        /// block: 150 ms; a chip erase: seconds) sleeps between later polls and ends at most a tick late, a few per cent.
        /// </summary>
        public const int StatusSpinMilliseconds = 50;

        public static EngineSettings ForBoard(BoardProfile board)
        {
            EngineSettings settings = new EngineSettings();
            settings.ProgrammerName = board.ProgrammerName;
            settings.BufferSize = DataBufferSize;
            settings.MaxWriteLength = MaxWriteLength;
            settings.MaxReadLength = SerprogLimits.MaxLength24 - 1; // the read phase streams: any length a frame can carry
            settings.SerialBufferSize = SerialReceiveBufferSize;
            settings.StatusSpinMilliseconds = StatusSpinMilliseconds;
            return settings;
        }
    }
}
