using System;
using SerprogNano.Engine;

namespace SerprogNano.Sbc
{
    /// <summary>Limits the engine advertises on a board: only ones it can honour with chip select held for a whole O_SPIOP.</summary>
    public static class SbcEngineSettings
    {
        public const string ProgrammerName = "SerprogNano SBC";

        /// <summary>
        /// With spidev's chip select, an O_SPIOP is one transfer: slen + rlen must fit bufsiz. A quarter
        /// goes to the write phase (a page program needs 4 + 256 bytes, 5 + 256 with a 4-byte address),
        /// the rest to the read phase. The buffer is bufsiz, so the write phase is one Write, and the read
        /// phase one Read (the engine reads at most the buffer less its 4-byte reply header at once, and
        /// the write quarter is larger than that header).
        /// </summary>
        public static EngineSettings ForKernelChipSelect(int transferLimit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(transferLimit, 64);
            int write = transferLimit / 4;
            int read = transferLimit - write;
            return new EngineSettings
            {
                ProgrammerName = ProgrammerName,
                BufferSize = transferLimit,
                MaxWriteLength = write,
                MaxReadLength = read,
            };
        }

        /// <summary>With a GPIO chip select any length streams in chunks of one transfer; the engine's usual limits hold.</summary>
        public static EngineSettings ForGpioChipSelect(int transferLimit)
        {
            return new EngineSettings { ProgrammerName = ProgrammerName, BufferSize = transferLimit };
        }
    }
}
