using System.Collections.Generic;

namespace SerprogNano.Host.Operations
{
    /// <summary>A dump read more than once: the data, each pass's hash, and where two passes first disagreed.</summary>
    public sealed record MultiPassReadResult(byte[] Data, IReadOnlyList<string> PassHashes, long? FirstMismatch)
    {
        /// <summary>Every pass read the same bytes.</summary>
        public bool Consistent => FirstMismatch == null;
    }
}
