using System;

namespace SerprogNano.Host.Operations
{
    /// <summary>Bytes done in one part of a phase, reported as bytes done in the whole phase.</summary>
    internal sealed class OffsetProgress(IProgress<long> phase, long offset) : IProgress<long>
    {
        public void Report(long value) => phase.Report(offset + value);
    }
}
