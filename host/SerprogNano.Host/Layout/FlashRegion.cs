using System;

namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// A named byte range of the chip, both ends included (flashrom's "start:end name").
    /// </summary>
    public sealed record FlashRegion
    {
        /// <summary>flashrom keeps region addresses as 32-bit chip offsets.</summary>
        public const long MaxAddress = uint.MaxValue;

        /// <param name="origin">Where the region was defined ("layout.txt line 3", "FLREG1"), quoted in errors.</param>
        public FlashRegion(string name, long start, long end, string? origin = null)
        {
            Origin = origin;
            string where = origin is null ? string.Empty : $" ({origin})";
            if (string.IsNullOrEmpty(name))
            {
                throw new LayoutException($"A region{where} has no name; give every region a name.");
            }

            if (start < 0 || end < 0 || start > MaxAddress || end > MaxAddress)
            {
                throw new LayoutException($"Region '{name}'{where}: addresses must be between 0 and 0x{MaxAddress:X8}.");
            }

            if (start > end)
            {
                throw new LayoutException(
                    $"Region '{name}'{where} starts at 0x{start:X8}, after its end 0x{end:X8}; the end is the last byte of the region (inclusive), so it must not be below the start.");
            }

            Name = name;
            Start = start;
            End = end;
        }

        public string Name { get; }

        /// <summary>First byte.</summary>
        public long Start { get; }

        /// <summary>Last byte (inclusive).</summary>
        public long End { get; }

        public long Size => End - Start + 1;

        /// <summary>Where the region was defined, or null.</summary>
        public string? Origin { get; }

        public bool Overlaps(FlashRegion other) => Start <= other.End && other.Start <= End;

        /// <summary>Throws unless every byte of the region is on a chip of <paramref name="chipSize"/> bytes.</summary>
        public void CheckFits(long chipSize)
        {
            if (End >= chipSize)
            {
                string where = Origin is null ? string.Empty : $" ({Origin})";
                throw new LayoutException(
                    $"Region '{Name}' {Range}{where} ends beyond the chip: a {chipSize} byte (0x{chipSize:X}) chip ends at 0x{chipSize - 1:X8}. Use the layout made for this chip (check the chip size with probe).");
            }
        }

        /// <summary>"[0x00001000-0x00002FFF]", as flashrom prints ranges.</summary>
        public string Range => $"[0x{Start:X8}-0x{End:X8}]";

        public override string ToString() => $"{Name} {Range}";
    }
}
