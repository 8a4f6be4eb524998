using System;
using SerprogNano.Engine;

namespace SerprogNano.Sbc
{
    /// <summary>Limits the engine advertises on a board: only ones it can honour with chip select held for a whole O_SPIOP.</summary>
    public static class SbcEngineSettings
    {
        public const string ProgrammerName = "SerprogNano SBC";

        /// <summary>The engine's reply holds this many bytes before the read data (its ACK travels in front of them).</summary>
        private const int ReplyDataOffset = 4;

        /// <summary>
        /// With spidev's chip select, an O_SPIOP is one transfer: slen + rlen must fit bufsiz. A quarter
        /// goes to the write phase (a page program needs 4 + 256 bytes, 5 + 256 with a 4-byte address),
        /// the rest to the read phase. Both fit the engine's buffer, so each phase is one Write and one Read.
        /// </summary>
        public static EngineSettings ForKernelChipSelect(int transferLimit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(transferLimit, 64);
            int write = transferLimit / 4;
            int read = Math.Min(transferLimit - write, transferLimit - ReplyDataOffset);
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
