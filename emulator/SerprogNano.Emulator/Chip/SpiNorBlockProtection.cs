namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// Where a part keeps its block-protect bits in status register 1 and what they guard: a BP value n
    /// above zero protects <c>SmallestProtectedSize * 2^(n-1)</c> bytes (capped at the whole array) at
    /// the top of the array, or at the bottom when the TB bit is set. That is the Winbond/Macronix/SST
    /// table for the plain case (SEC = CMP = 0).
    /// </summary>
    /// <param name="FirstBit">Bit position of BP0.</param>
    /// <param name="BitCount">Number of BP bits.</param>
    /// <param name="TopBottomMask">Mask of the TB bit in status register 1, 0 if the part has none there.</param>
    /// <param name="SmallestProtectedSize">Bytes guarded when the BP value is 1.</param>
    public sealed record SpiNorBlockProtection(int FirstBit, int BitCount, byte TopBottomMask, int SmallestProtectedSize)
    {
        /// <summary>The protected byte range [Start, Start + Length) that <paramref name="status1"/> selects.</summary>
        public (int Start, int Length) ProtectedRange(byte status1, int arraySize)
        {
            int level = (status1 >> FirstBit) & ((1 << BitCount) - 1);
            if (level == 0)
            {
                return (0, 0);
            }

            int length = (int)System.Math.Min(arraySize, (long)SmallestProtectedSize << (level - 1));
            bool bottom = (status1 & TopBottomMask) != 0;
            return (bottom ? 0 : arraySize - length, length);
        }
    }
}
