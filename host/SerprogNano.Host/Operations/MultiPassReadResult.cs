using System.Collections.Generic;

namespace SerprogNano.Host.Operations
{
    /// <summary>A dump read more than once: the data, each pass's hash, and where two passes first disagreed.</summary>
    /// <param name="PassHashes">The hash of each pass read over the link.</param>
    public sealed record MultiPassReadResult(byte[] Data, IReadOnlyList<string> PassHashes, long? FirstMismatch)
    {
        /// <summary>Every pass read the same bytes.</summary>
        public bool Consistent => FirstMismatch == null;

        /// <summary>
        /// Passes made on the programmer (SerprogNano extensions): it read the chip again and sent a CRC-32 of each window of
        /// <see cref="CrcWindowSize"/> bytes (offset by half a window from the erase blocks), compared with the first pass's.
        /// They are not in <see cref="PassHashes"/>.
        /// </summary>
        public int DeviceCrcPasses { get; init; }

        public int CrcWindowSize { get; init; }

        /// <summary>Bytes the first pass took as erased from the programmer's CRCs (<see cref="PieceSurvey"/>) instead of reading them over the link.</summary>
        public long ErasedBytesNotCarried { get; init; }
    }
}
