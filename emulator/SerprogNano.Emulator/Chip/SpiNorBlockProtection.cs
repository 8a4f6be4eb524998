using System;
using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// Where a part keeps its block-protect bits and what they guard, as in the Winbond, GigaDevice,
    /// Macronix and SST tables: a BP value n above zero protects <c>SmallestProtectedSize * 2^(n-1)</c>
    /// bytes (capped at the whole array; all BP bits set always means the whole array) at the top of the
    /// array, or at the bottom when TB is set. With SEC set the unit is a 4 KiB sector, capped at 32 KiB.
    /// CMP protects the complement of that range instead. A second decoder beside the chips' ProtectionRangeDecoder
    /// on purpose: the oracle the host's is tested against (see <see cref="SpiNorModels"/>).
    /// </summary>
    /// <param name="FirstBit">Bit position of BP0 in status register 1.</param>
    /// <param name="BitCount">Number of BP bits.</param>
    /// <param name="TopBottomMask">Mask of the TB bit in status register 1, 0 if the part has none there.</param>
    /// <param name="SmallestProtectedSize">Bytes guarded when the BP value is 1 and SEC is clear.</param>
    /// <param name="SectorMask">Mask of the SEC bit in status register 1, 0 if the part has none.</param>
    /// <param name="Complement">The CMP bit, if the part has one.</param>
    /// <param name="ComplementInvertsLevel">Macronix parts whose datasheet BP3 acts as CMP: it also inverts the BP value.</param>
    public sealed record SpiNorBlockProtection(
        int FirstBit,
        int BitCount,
        byte TopBottomMask,
        int SmallestProtectedSize,
        byte SectorMask = 0,
        SpiNorStatusBit? Complement = null,
        bool ComplementInvertsLevel = false)
    {
        private const int SectorSize = 4 * 1024;
        private const int LargestSectorProtection = 32 * 1024;

        /// <summary>The protected byte range [Start, Start + Length) that status registers 1..3 select.</summary>
        public (int Start, int Length) ProtectedRange(ReadOnlySpan<byte> status, int arraySize)
        {
            byte status1 = status[0];
            int allSet = (1 << BitCount) - 1;
            bool complement = Complement is SpiNorStatusBit cmp && (status[cmp.Register - 1] & cmp.Mask) != 0;
            int level = ((status1 >> FirstBit) & allSet) ^ (complement && ComplementInvertsLevel ? allSet : 0);
            bool sectors = (status1 & SectorMask) != 0;
            int length = level switch
            {
                0 => 0,
                _ when level == allSet => arraySize,
                _ when sectors => Math.Min(LargestSectorProtection, SectorSize << (level - 1)),
                _ => (int)Math.Min(arraySize, (long)SmallestProtectedSize << (level - 1)),
            };

            bool bottom = (status1 & TopBottomMask) != 0;
            if (complement)
            {
                // The rest of the array sits at the other end, so it is still one range.
                bottom = !bottom;
                length = arraySize - length;
            }

            return length == 0 ? (0, 0) : (bottom ? 0 : arraySize - length, length);
        }
    }
}
