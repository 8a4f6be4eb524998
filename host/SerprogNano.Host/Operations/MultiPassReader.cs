using System;
using System.Collections.Generic;
using System.IO.Hashing;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// Reads a range several times and compares the passes: a dump is only trustworthy if two reads
    /// agree, since loose wiring or too fast a clock gives different garbage each time.
    /// </summary>
    public static class MultiPassReader
    {
        public static MultiPassReadResult Read(SpiNorFlash flash, long address, int length, int passes, IProgress<OperationProgress>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
            var first = new byte[length];
            var hashes = new List<string>();
            long? mismatch = null;
            byte[] pass = first;
            for (int p = 0; p < passes; p++)
            {
                if (p > 0)
                {
                    pass = new byte[length];
                }

                flash.Read(address, pass, new PhaseProgress(progress, "read pass " + (p + 1) + " of " + passes, length));
                hashes.Add(Hash(pass));
                int same = first.AsSpan().CommonPrefixLength(pass);
                if (same < length && mismatch == null)
                {
                    mismatch = address + same;
                }
            }

            return new MultiPassReadResult(first, hashes, mismatch);
        }

        /// <summary>XXH64 of the bytes as 16 hex digits: fast enough to print for every pass.</summary>
        public static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(XxHash64.Hash(data));
    }
}
