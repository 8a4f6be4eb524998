using System;
using System.Collections.Generic;
using SerprogNano.Host.Layout;

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

        /// <summary>
        /// Whether <see cref="BeforeChange"/> needs the old contents (a backup). Without, a programmer that checksums the
        /// chip itself lets the write skip reading it, and <see cref="BeforeChange"/> gets empty memory.
        /// </summary>
        public bool OldContentsNeeded { get; set; } = true;

        /// <summary>Clear block protection if set; otherwise a protected chip stops the write before it starts.</summary>
        public bool ClearProtection { get; set; }

        /// <summary>Told what a lifted protection changed in the status registers ("SR1 0x9C -> 0x00"), for the user.</summary>
        public Action<string>? StatusRegistersChanged { get; set; }

        public IProgress<OperationProgress>? Progress { get; set; }

        /// <summary>
        /// Hears each plan (the first, then each repair) just before it is carried out, in the order its erases and
        /// programs report progress: with it a caller can say which blocks a stop left in which state.
        /// </summary>
        public Action<WritePlan>? Planned { get; set; }

        /// <summary>
        /// Change only these chip regions (flashrom's -i); null changes the whole range. The rest keeps what the
        /// chip holds: an erase block that straddles a region's edge is rewritten with the chip's own bytes outside it.
        /// </summary>
        public IReadOnlyList<FlashRegion>? Regions { get; set; }

        /// <summary>
        /// With <see cref="Regions"/>: read back the whole range after writing, checking that the rest is unchanged
        /// (flashrom's default). False checks only the regions and the erase blocks that were rewritten (flashrom's -N).
        /// </summary>
        public bool VerifyAll { get; set; } = true;
    }
}
