using System.Collections.Generic;

namespace SerprogNano.Host.Operations
{
    /// <summary>What a verified write did.</summary>
    public sealed record WriteResult
    {
        /// <summary>Block erases done, by block size in bytes.</summary>
        public required IReadOnlyDictionary<int, int> ErasesBySize { get; init; }

        /// <summary>Page (or AAI run) programs planned and done.</summary>
        public required int ProgramsDone { get; init; }

        public required long BytesProgrammed { get; init; }

        /// <summary>Programs sent again because the chip was still busy (pacing misses; the data is right).</summary>
        public required long ProgramsRetried { get; init; }

        /// <summary>Bytes compared with the image after writing (the first read serves when nothing changed).</summary>
        public required long BytesVerified { get; init; }

        /// <summary>The first read-back differed and a repair pass (re-planned from it) made the chip match.</summary>
        public bool Repaired { get; init; }

        /// <summary>Rounds of read, plan, write and verify it took (more than 1 when a final verify found something to redo).</summary>
        public int Passes { get; init; } = 1;

        /// <summary>Whether the write went through plain transactions or the programmer's device-side operations.</summary>
        public WritePath Path { get; init; } = WritePath.Transactions;

        /// <summary>The chip already held the image: nothing was erased or programmed.</summary>
        public bool Unchanged => ErasesBySize.Count == 0 && ProgramsDone == 0;
    }
}
