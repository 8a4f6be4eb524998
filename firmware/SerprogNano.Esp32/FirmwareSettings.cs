using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Esp32
{
    /// <summary>The sizes the firmware allocates at start-up and the limits it reports from them.</summary>
    public static class FirmwareSettings
    {
        /// <summary>
        /// The engine's data buffer, and so the largest SPI transfer and serial write: a streamed read moves 16 KiB per
        /// bulk call (64 per MiB), the ESP32 SPI driver's transfer limit (cpu_spi.cpp, max_transfer_sz). Every serial
        /// write longer than the UART's FIFO costs the line about one FreeRTOS tick: the writer learns that the driver
        /// has taken the bytes only when the idle interpreter next looks at its events (firmware/README.md); at 4 KiB a
        /// read ran at 70 % of the line's rate, at 16 KiB about 90 %.
        /// </summary>
        public const int DataBufferSize = 16384;

        /// <summary>
        /// Q_WRNMAXLEN: a write phase up to this size is received whole before chip select falls. It sizes the UART's
        /// receive buffers (below, twice in the driver), so it stays at a sector: writes come a page at a time.
        /// </summary>
        public const int MaxWriteLength = 4096;

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
