using System;
using System.Collections.Generic;

namespace SerprogNano.Chips.Protection
{
    /// <summary>
    /// Every range a part can protect and the bits that select it, as flashrom enumerates them: all values of
    /// BP, TB, SEC and CMP (SRP and SRL kept as they are), sorted by length, then start, then CMP, SEC, TB and
    /// BP from the highest bit, and of equal ranges only the first kept: the bits flashrom writes for a range.
    /// </summary>
    public static class AvailableRanges
    {
        public static IReadOnlyList<(ProtectedRange Range, ProtectionBits Bits)> Of(WriteProtectLayout layout, ProtectionBits current, long chipSize)
        {
            ArgumentNullException.ThrowIfNull(layout);
            int bpCount = layout.BlockProtect.Count;
            var all = new List<(ProtectedRange Range, ProtectionBits Bits)>();
            foreach (bool cmp in Values(layout.Complement))
            {
                foreach (bool sec in Values(layout.Sector))
                {
                    foreach (bool tb in Values(layout.TopBottom))
                    {
                        for (int bp = 0; bp < 1 << bpCount; bp++)
                        {
                            ProtectionBits bits = current with { BlockProtect = bp, TopBottom = tb, Sector = sec, Complement = cmp };
                            all.Add((ProtectionRangeDecoder.Decode(layout, bits, chipSize), bits));
                        }
                    }
                }
            }

            all.Sort((a, b) => Compare(a, b, bpCount));
            var distinct = new List<(ProtectedRange Range, ProtectionBits Bits)>();
            foreach ((ProtectedRange Range, ProtectionBits Bits) entry in all)
            {
                if (distinct.Count == 0 || distinct[^1].Range != entry.Range)
                {
                    distinct.Add(entry);
                }
            }

            return distinct;
        }

        /// <summary>The bits flashrom writes to protect exactly <paramref name="range"/>, or null when the part cannot.</summary>
        public static ProtectionBits? Find(WriteProtectLayout layout, ProtectionBits current, long chipSize, ProtectedRange range)
        {
            foreach ((ProtectedRange Range, ProtectionBits Bits) entry in Of(layout, current, chipSize))
            {
                if (entry.Range == range)
                {
                    return entry.Bits;
                }
            }

            return null;
        }

        private static bool[] Values(SpiNorStatusBit? bit) => bit is null ? [false] : [false, true];

        private static int Compare((ProtectedRange Range, ProtectionBits Bits) a, (ProtectedRange Range, ProtectionBits Bits) b, int bpCount)
        {
            int order = a.Range.Length.CompareTo(b.Range.Length);
            if (order == 0)
            {
                order = a.Range.Start.CompareTo(b.Range.Start);
            }

            if (order == 0)
            {
                order = a.Bits.Complement.CompareTo(b.Bits.Complement);
            }

            if (order == 0)
            {
                order = a.Bits.Sector.CompareTo(b.Bits.Sector);
            }

            if (order == 0)
            {
                order = a.Bits.TopBottom.CompareTo(b.Bits.TopBottom);
            }

            for (int i = bpCount - 1; i >= 0 && order == 0; i--)
            {
                order = ((a.Bits.BlockProtect >> i) & 1).CompareTo((b.Bits.BlockProtect >> i) & 1);
            }

            return order;
        }
    }
}
