using SerprogNano.Protocol;

namespace SerprogNano.Engine
{
    /// <summary>What a board tells the host about itself; every figure must be one the board honours.</summary>
    public class EngineSettings
    {
        public const int DefaultBufferSize = 4096;

        /// <summary>
        /// Q_SERBUF of an engine whose link can hold this much (the emulator's): about the frames a 2 Mbaud line carries in a
        /// 64 KiB block erase (150 ms), so that a write's pages arrive while the chip erases (the host sends each erase's
        /// pages behind it). The ESP32 firmware keeps its 4103 bytes: on its interpreter the device, not the line, sets the
        /// pace of a write, and 32 KiB measured slower there (docs/speed.md).
        /// </summary>
        public const int ErasingSerialBufferSize = 32 * 1024;

        /// <summary>A page program or status write is over by then; an erase is not.</summary>
        public const int DefaultStatusSpinMilliseconds = 5;

        /// <summary>
        /// How long the rest of a frame may take before the engine drops it. The link enforces it (a read that
        /// times out returns 0, see <see cref="ISerialLink.Read"/>); every link starts from this one.
        /// </summary>
        public const int DefaultFrameTimeoutMilliseconds = 500;

        public EngineSettings()
        {
            ProgrammerName = "SerprogNano";
            BufferSize = DefaultBufferSize;
            MaxWriteLength = DefaultBufferSize;
            // O_SPIOP's u24 rlen tops out here; advertising 2^24 (sent as 0) invites a 16 MiB
            // read that its own frame cannot describe.
            MaxReadLength = SerprogLimits.MaxLength24 - 1;
            SerialBufferSize = DefaultBufferSize;
            StatusSpinMilliseconds = DefaultStatusSpinMilliseconds;
        }

        /// <summary>Q_PGMNAME: at most 16 ASCII characters.</summary>
        public string ProgrammerName { get; set; }

        /// <summary>The one data buffer the engine allocates; every O_SPIOP moves through it in chunks.</summary>
        public int BufferSize { get; set; }

        /// <summary>
        /// Q_WRNMAXLEN, the largest O_SPIOP slen. Up to <see cref="BufferSize"/> the write phase is
        /// received whole before chip select goes low, so a frame that stops arriving never reaches
        /// the chip half-sent; above it the write phase streams.
        /// </summary>
        public int MaxWriteLength { get; set; }

        /// <summary>Q_RDNMAXLEN, the largest O_SPIOP rlen (up to 2^24): the read phase always streams.</summary>
        public int MaxReadLength { get; set; }

        /// <summary>Q_SERBUF: bytes the link buffers before the engine reads them.</summary>
        public int SerialBufferSize { get; set; }

        /// <summary>
        /// How long O_NANO_SPIOP_WAIT polls the status back to back before it sleeps between polls. Past it the
        /// engine gives the processor away rather than spin through a long erase; a board whose shortest sleep is a
        /// whole scheduler tick (the ESP32: 10 ms) spins longer, so that the erases a write is made of end on time.
        /// </summary>
        public int StatusSpinMilliseconds { get; set; }
    }
}
