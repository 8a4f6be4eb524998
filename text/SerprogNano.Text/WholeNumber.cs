using System;
using System.Globalization;

namespace SerprogNano.Text
{
    /// <summary>
    /// The one reading of a whole number that a user types (an option's value, a key=value item): decimal or
    /// 0x hex, within a range the caller states, so that every refusal names the range instead of crashing
    /// on "abc" or wrapping around on 99999999999.
    /// </summary>
    public static class WholeNumber
    {
        /// <summary>The number in <paramref name="text"/> if it is one from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
        public static bool TryParse(string text, long minimum, long maximum, out long value)
        {
            ArgumentNullException.ThrowIfNull(text);
            string trimmed = text.Trim();
            bool hex = trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            bool parsed = long.TryParse(hex ? trimmed[2..] : trimmed, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out value);

            // A hex number with the top bit set parses as negative: out of every range here, as it should be.
            return parsed && value >= minimum && value <= maximum;
        }

        /// <summary>"a whole number from 1 to 100", for messages.</summary>
        public static string Range(long minimum, long maximum)
        {
            return "a whole number from " + minimum.ToString(CultureInfo.InvariantCulture) + " to " + maximum.ToString(CultureInfo.InvariantCulture);
        }
    }
}
