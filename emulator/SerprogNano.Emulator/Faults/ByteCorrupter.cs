using System;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// Inverts one random bit in a byte with the chance that any of its 8 bits flips at a per-bit rate,
    /// reproducibly from a seed. At most one bit per byte flips: exact enough for rates well below 1/8.
    /// </summary>
    internal sealed class ByteCorrupter
    {
        private readonly Random _random;
        private readonly double _perByte;

        public ByteCorrupter(double ratePerBit, int seed)
        {
            _random = new Random(seed);
            _perByte = 1.0 - Math.Pow(1.0 - ratePerBit, 8);
        }

        /// <summary>Corrupts the bytes in place; returns the bits inverted.</summary>
        public int Corrupt(Span<byte> data)
        {
            int flipped = 0;
            for (int i = 0; i < data.Length; i++)
            {
                if (_random.NextDouble() < _perByte)
                {
                    data[i] ^= (byte)(1 << _random.Next(8));
                    flipped++;
                }
            }

            return flipped;
        }
    }
}
