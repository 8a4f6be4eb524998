using System;
using System.Collections.Generic;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// Tells a flipped bit on the link from a wrong byte on the chip: a small block that read differently
    /// from what was expected is read again, and a block is believed only when two reads of it agree.
    /// Blocks are small so that even a noisy link (1 flipped bit in 10^6) gets a clean read in a few tries.
    /// </summary>
    public static class BlockRereader
    {
        public const int BlockSize = 256;

        /// <summary>Extra reads of one block before its last read is taken as the chip's contents.</summary>
        public const int MaxRereads = 4;

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
        public static int Settle(SpiNorFlash flash, long address, ReadOnlySpan<byte> expected, Span<byte> actual, out int unconfirmed)
        {
            ArgumentNullException.ThrowIfNull(flash);
            unconfirmed = 0;
            int reread = 0;
            var reads = new List<byte[]>();
            for (int start = 0; start < actual.Length; start += BlockSize)
            {
                int length = Math.Min(BlockSize, actual.Length - start);
                Span<byte> block = actual.Slice(start, length);
                ReadOnlySpan<byte> wanted = expected.Slice(start, length);
                if (block.SequenceEqual(wanted))
                {
                    continue;
                }

                reread++;
                reads.Clear();
                reads.Add(block.ToArray());
                byte[]? settled = ReadUntilAgreed(flash, address + start, wanted, reads);
                if (settled == null)
                {
                    unconfirmed++;
                    settled = reads[^1];
                }

                settled.CopyTo(block);
            }

            return reread;
        }

        /// <summary>The read that matches the expectation or an earlier read, or null when none did.</summary>
        private static byte[]? ReadUntilAgreed(SpiNorFlash flash, long address, ReadOnlySpan<byte> wanted, List<byte[]> reads)
        {
            for (int i = 0; i < MaxRereads; i++)
            {
                var again = new byte[wanted.Length];
                flash.Read(address, again);
                if (again.AsSpan().SequenceEqual(wanted) || reads.Exists(earlier => earlier.AsSpan().SequenceEqual(again)))
                {
                    return again;
                }

                reads.Add(again);
            }

            return null;
        }
    }
}
