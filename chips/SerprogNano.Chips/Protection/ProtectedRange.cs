using System.Globalization;

namespace SerprogNano.Chips.Protection
{
    /// <summary>The bytes [Start, Start + Length) the chip refuses to program or erase; Length 0 is none.</summary>
    public readonly record struct ProtectedRange(long Start, long Length)
    {
        public static ProtectedRange None => new(0, 0);

        /// <summary>Whether any of [start, start + length) is protected.</summary>
        public bool Overlaps(long start, long length) => Length > 0 && length > 0 && start < Start + Length && Start < start + length;

        /// <summary>flashrom's words: "start=0x00000000 length=0x00000000 (none)", "(all)", "(upper 1/64)".</summary>
        public string Describe(long chipSize) => "start=0x" + Start.ToString("x8", CultureInfo.InvariantCulture) + " length=0x" + Length.ToString("x8", CultureInfo.InvariantCulture) + " (" + Fraction(chipSize) + ")";

        /// <summary>"none", "all", "upper 1/64", "lower 63/64" as flashrom prints it.</summary>
        public string Fraction(long chipSize)
        {
            if (Length == 0)
            {
                return "none";
            }

            if (Length == chipSize)
            {
                return "all";
            }

            string location = Start == 0 ? "lower " : Start == chipSize - Length ? "upper " : string.Empty;
            long part = Length;
            long whole = chipSize;
            while (whole % 2 == 0 && part % 2 == 0)
            {
                whole /= 2;
                part /= 2;
            }

            return location + part.ToString(CultureInfo.InvariantCulture) + "/" + whole.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>"0x7E0000-0x7FFFFF", both ends included, for messages.</summary>
        public string Span => "0x" + Start.ToString("X6", CultureInfo.InvariantCulture) + "-0x" + (Start + Length - 1).ToString("X6", CultureInfo.InvariantCulture);
    }
}
