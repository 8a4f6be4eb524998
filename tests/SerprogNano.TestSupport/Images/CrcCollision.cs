using System;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// Bytes built to fool a CRC-32 check: the last four bytes of a span chosen so that its CRC-32 is a given value. CRC-32
    /// is affine in its input over GF(2), so the 32 bits that reach a wanted value solve a 32 x 32 linear system.
    /// </summary>
    public static class CrcCollision
    {
        /// <summary>Rewrites the last 4 bytes of <paramref name="data"/> so that its CRC-32 is <paramref name="wanted"/>.</summary>
        public static void Forge(Span<byte> data, uint wanted)
        {
            if (data.Length < 4)
            {
                throw new ArgumentException("needs at least 4 bytes to rewrite", nameof(data));
            }

            Span<byte> tail = data[^4..];
            tail.Clear();
            uint origin = Crc32.HashToUInt32(data);
            // Row i: the change of the CRC when bit i of the tail flips, beside the bit itself (bit 32 + i).
            var rows = new ulong[32];
            for (int i = 0; i < 32; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(tail, 1u << i);
                rows[i] = (Crc32.HashToUInt32(data) ^ origin) | (1UL << (32 + i));
            }

            // Gaussian elimination on the CRC bits; the tail bits ride along and end as the combination wanted.
            ulong target = wanted ^ origin;
            ulong tailBits = 0;
            for (int bit = 0; bit < 32; bit++)
            {
                int pivot = Array.FindIndex(rows, bit, row => ((row >> bit) & 1) != 0);
                if (pivot < 0)
                {
                    throw new InvalidOperationException("CRC-32 of the last 4 bytes is not invertible: cannot happen");
                }

                (rows[bit], rows[pivot]) = (rows[pivot], rows[bit]);
                for (int r = 0; r < 32; r++)
                {
                    if (r != bit && ((rows[r] >> bit) & 1) != 0)
                    {
                        rows[r] ^= rows[bit];
                    }
                }
            }

            for (int bit = 0; bit < 32; bit++)
            {
                if (((target >> bit) & 1) != 0)
                {
                    tailBits ^= rows[bit] >> 32;
                }
            }

            BinaryPrimitives.WriteUInt32LittleEndian(tail, (uint)tailBits);
            if (Crc32.HashToUInt32(data) != wanted)
            {
                throw new InvalidOperationException("the forged CRC does not match");
            }
        }
    }
}
