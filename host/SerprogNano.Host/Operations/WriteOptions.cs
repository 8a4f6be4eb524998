using System;

namespace SerprogNano.Host.Operations
{
    /// <summary>Choices a write leaves to the user.</summary>
    public sealed class WriteOptions
    {
        /// <summary>
        /// Called with the chip's contents before anything is changed (only when something will be), so
        /// the caller can keep a backup without reading the chip twice. A throw stops the write.
        /// </summary>
        public Action<ReadOnlyMemory<byte>>? BeforeChange { get; set; }

        /// <summary>Clear block protection if set; otherwise a protected chip stops the write before it starts.</summary>
        public bool ClearProtection { get; set; }

        public IProgress<OperationProgress>? Progress { get; set; }
    }
}
