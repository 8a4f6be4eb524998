using System;

namespace SerprogNano.Chips.Protection
{
    /// <summary>The range a part's protect bits guard, computed as flashrom's decode_range functions do.</summary>
    public static class ProtectionRangeDecoder
    {
        private const long SectorSize = 4 * 1024;
        private const long DefaultBlockSize = 64 * 1024;

        public static ProtectedRange Decode(WriteProtectLayout layout, ProtectionBits bits, long chipSize)
        {
            ArgumentNullException.ThrowIfNull(layout);
            int bpMax = (1 << layout.BlockProtect.Count) - 1;
            bool complement = layout.Complement is not null && bits.Complement;
            int bp = bits.BlockProtect & bpMax;
            if (complement && layout.Decoding == WriteProtectDecoding.Spi25BitCmp)
            {
                bp ^= bpMax;
            }

            long length;
            if (bp == 0)
            {
                length = 0;
            }
            else if (bp == bpMax)
            {
                length = chipSize;
            }
            else
            {
                long coefficient = 1L << (bp - 1);
                if (layout.Sector is not null && bits.Sector)
                {
                    // 4 KiB sectors, capped at 32 KiB so SEC=1 never repeats a SEC=0 range.
                    length = Math.Min(SectorSize * coefficient, DefaultBlockSize / 2);
                }
                else
                {
                    // Blocks grow past 64 KiB on large chips so the largest coefficient covers half the chip.
                    long largestCoefficient = 1L << (bpMax - 2);
                    long blockSize = Math.Max(chipSize / 2 / largestCoefficient, DefaultBlockSize);
                    length = Math.Min(blockSize * coefficient, chipSize);
                }
            }

            bool top = layout.TopBottom is null || !bits.TopBottom;
            if (complement)
            {
                length = chipSize - length;
                top = !top;
            }

            return new ProtectedRange(top && length > 0 ? chipSize - length : 0, length);
        }
    }
}
