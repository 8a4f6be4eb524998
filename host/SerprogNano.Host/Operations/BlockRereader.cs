using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// Tells a flipped bit on the link from a wrong byte on the chip: a small block that read differently
    /// from what was expected is read again, and a block is believed only when two reads of it agree.
    /// Blocks are small so that even a noisy link (1 flipped bit in 10^6) gets a clean read in a few tries;
    /// neighbouring blocks are read again in one read, so a write over a chip that differs everywhere pays
    /// one more pass at link speed, not a round trip per block.
    /// </summary>
    public static class BlockRereader
    {
        public const int BlockSize = 256;

        /// <summary>Extra reads of one block before its last read is taken as the chip's contents.</summary>
        public const int MaxRereads = 4;

        /// <summary>
        /// Bits by which a block may differ from the expectation and still be a few flips on the link away from it.
        /// A block further off differs on the chip too, whatever a flip did to this read of it.
        /// </summary>
        public const int NearMissBits = 8;

        /// <summary>
        /// For every block where <paramref name="actual"/> differs from <paramref name="expected"/>, reads the
        /// block again until a read matches the expectation or two reads agree, and puts that read into
        /// <paramref name="actual"/>. Returns the blocks read again.
        /// </summary>
        public static int Settle(SpiNorFlash flash, long address, ReadOnlySpan<byte> expected, Span<byte> actual)
        {
            return Settle(flash, address, expected, actual, out _);
        }

        /// <inheritdoc cref="Settle(SpiNorFlash, long, ReadOnlySpan{byte}, Span{byte})"/>
        /// <param name="unconfirmed">Blocks where no two of the reads agreed (the last read is kept): a noisy link, not a settled answer.</param>
        /// <param name="progress">Hears the first read-again pass as the phase "read again" (a chip that differs everywhere is read twice).</param>
        /// <param name="nearMissesOnly">
        /// Read again only blocks within <see cref="NearMissBits"/> of the expectation: enough to plan a write, which
        /// needs to know which blocks already hold the image, and whose verify catches anything else; not enough for a backup.
        /// </param>
        /// <param name="maxRereads">Extra reads of a block before its last read stands (<see cref="MaxRereads"/> unless a caller must be surer).</param>
        /// <param name="agreeing">
        /// Reads that must agree to believe a block that differs from the expectation: 2, or 3 where a wrong belief would be
        /// written to the chip (two reads of a whole chip at a high flip rate share a flipped bit somewhere now and then).
        /// </param>
        /// <param name="noise">Hears the bits read and those that differed from the settled block, where one is wanted.</param>
        public static int Settle(SpiNorFlash flash, long address, ReadOnlySpan<byte> expected, Span<byte> actual, out int unconfirmed, IProgress<OperationProgress>? progress = null, bool nearMissesOnly = false, int maxRereads = MaxRereads, int agreeing = 2, ReadNoise? noise = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            noise?.Add(actual.Length * 8L, 0);
            var pending = new List<PendingBlock>();
            for (int start = 0; start < actual.Length; start += BlockSize)
            {
                int length = Math.Min(BlockSize, actual.Length - start);
                ReadOnlySpan<byte> read = actual.Slice(start, length);
                ReadOnlySpan<byte> wanted = expected.Slice(start, length);
                if (!read.SequenceEqual(wanted) && (!nearMissesOnly || IsNearMiss(read, wanted)))
                {
                    pending.Add(new PendingBlock(start, length, actual.Slice(start, length).ToArray()));
                }
            }

            int reread = pending.Count;
            for (int round = 0; round < maxRereads && pending.Count > 0; round++)
            {
                PhaseProgress? phase = round == 0 && progress != null ? new PhaseProgress(progress, "read again", TotalLength(pending)) : null;
                byte[][] again = ReadRuns(flash, address, pending, round + 1, phase);
                var next = new List<PendingBlock>();
                for (int i = 0; i < pending.Count; i++)
                {
                    PendingBlock block = pending[i];
                    ReadOnlySpan<byte> wanted = expected.Slice(block.Start, block.Length);
                    noise?.Add(block.Length * 8L, 0);
                    if (again[i].AsSpan().SequenceEqual(wanted) || block.Reads.Count(earlier => earlier.AsSpan().SequenceEqual(again[i])) >= agreeing - 1)
                    {
                        again[i].CopyTo(actual.Slice(block.Start, block.Length));
                        noise?.Add(0, block.Reads.Sum(earlier => BitsApart(earlier, again[i])));
                        continue;
                    }

                    block.Reads.Add(again[i]);
                    next.Add(block);
                }

                pending = next;
            }

            // No two reads agreed: the last one stands, and the caller hears how many such blocks there were.
            foreach (PendingBlock block in pending)
            {
                block.Reads[^1].CopyTo(actual.Slice(block.Start, block.Length));
            }

            unconfirmed = pending.Count;
            return reread;
        }

        /// <summary>
        /// Each pending block read again, neighbours (runs of adjacent blocks) in one read, cut into commands elsewhere than
        /// the reads before (<see cref="MultiPassReader.ReadShifted"/> by <paramref name="shift"/>): a fault that comes with
        /// the framing (a programmer that gets the same byte of every reply wrong) must not make two reads agree.
        /// </summary>
        private static byte[][] ReadRuns(SpiNorFlash flash, long address, List<PendingBlock> pending, int shift, IProgress<long>? progress)
        {
            var result = new byte[pending.Count][];
            long done = 0;
            int first = 0;
            while (first < pending.Count)
            {
                int last = first;
                while (last + 1 < pending.Count && pending[last + 1].Start == pending[last].Start + pending[last].Length)
                {
                    last++;
                }

                int runStart = pending[first].Start;
                var run = new byte[pending[last].Start + pending[last].Length - runStart];
                MultiPassReader.ReadShifted(flash, address + runStart, run, shift, progress == null ? null : new OffsetProgress(progress, done));
                done += run.Length;
                for (int i = first; i <= last; i++)
                {
                    result[i] = run.AsSpan(pending[i].Start - runStart, pending[i].Length).ToArray();
                }

                first = last + 1;
            }

            return result;
        }

        private static long BitsApart(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            long bits = 0;
            for (int i = 0; i < a.Length; i++)
            {
                bits += System.Numerics.BitOperations.PopCount((uint)(a[i] ^ b[i]));
            }

            return bits;
        }

        private static bool IsNearMiss(ReadOnlySpan<byte> read, ReadOnlySpan<byte> wanted) => BitsApart(read, wanted) <= NearMissBits;

        private static long TotalLength(List<PendingBlock> pending)
        {
            long total = 0;
            foreach (PendingBlock block in pending)
            {
                total += block.Length;
            }

            return total;
        }

        /// <summary>A block not yet settled: where it is in the range, and every read of it so far.</summary>
        private sealed class PendingBlock(int start, int length, byte[] firstRead)
        {
            public int Start { get; } = start;

            public int Length { get; } = length;

            public List<byte[]> Reads { get; } = new() { firstRead };
        }
    }
}
