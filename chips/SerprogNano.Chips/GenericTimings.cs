using System;

namespace SerprogNano.Chips
{
    /// <summary>
    /// Busy times for a part whose datasheet figures are not in the database (or that was found by SFDP):
    /// the slow end of common 25xx parts, so WIP polling time-outs are long enough everywhere.
    /// </summary>
    public static class GenericTimings
    {
        private const double KiB = 1024;
        private const double MiB = 1024 * 1024;

        /// <summary>
        /// Typical 40 ms + 2 ms per KiB (48 ms for 4 KiB, 168 ms for 64 KiB; a W25Q takes 45 and 150);
        /// max 400 ms + 25 ms per KiB (2 s for 64 KiB, the W25Q maximum).
        /// </summary>
        public static (TimeSpan Typical, TimeSpan Max) ForEraseBlock(int size)
        {
            double kib = size / KiB;
            return (TimeSpan.FromMilliseconds(40 + (2 * kib)), TimeSpan.FromMilliseconds(400 + (25 * kib)));
        }

        /// <summary>Page program 0.7 ms (max 5 ms); chip erase 2.5 s per MiB (max 12.5 s per MiB), as a W25Q64's 20 s / 100 s.</summary>
        public static ChipTimings ForChip(long size)
        {
            double mib = Math.Max(1, size / MiB);
            return new ChipTimings(
                TimeSpan.FromMilliseconds(0.7),
                TimeSpan.FromMilliseconds(5),
                TimeSpan.FromSeconds(2.5 * mib),
                TimeSpan.FromSeconds(12.5 * mib));
        }
    }
}
