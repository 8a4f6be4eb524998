using System;
using System.Globalization;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// flashprog's serprog spispeed= value: a C integer (decimal, 0x hex or 0-prefixed octal, as strtol
    /// with base 0 reads it) in Hz, optionally followed by one k or M (either case) for 1000 or 1,000,000.
    /// </summary>
    public static class SpiSpeed
    {
        public static uint Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            string value = text.Trim();
            ulong multiplier = 1;
            if (value.Length > 0 && char.IsLetter(value[^1]) && !IsHexNumber(value))
            {
                multiplier = char.ToLowerInvariant(value[^1]) switch
                {
                    'k' => 1000UL,
                    'm' => 1_000_000UL,
                    _ => throw Invalid(text),
                };
                value = value[..^1];
            }

            if (!TryParseCInteger(value, out ulong number))
            {
                throw Invalid(text);
            }

            ulong hz = number * multiplier;
            if (hz == 0 || hz > uint.MaxValue || number > uint.MaxValue)
            {
                throw new SpiSpeedException(text, "is out of range: give 1 Hz to 4294M.");
            }

            return (uint)hz;
        }

        /// <summary>Human form of a clock: "16 MHz", "500 kHz", "12345 Hz".</summary>
        public static string Format(uint hz)
        {
            if (hz % 1_000_000 == 0)
            {
                return (hz / 1_000_000).ToString(CultureInfo.InvariantCulture) + " MHz";
            }

            return hz % 1000 == 0 ? (hz / 1000).ToString(CultureInfo.InvariantCulture) + " kHz" : hz.ToString(CultureInfo.InvariantCulture) + " Hz";
        }

        private static bool IsHexNumber(string value)
        {
            // "0x1b" ends in a hex digit, not a suffix; "0x10M" still has one.
            if (!value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return Uri.IsHexDigit(value[^1]);
        }

        private static bool TryParseCInteger(string value, out ulong number)
        {
            number = 0;
            if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return value.Length > 2 && ulong.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number);
            }

            if (value.Length > 1 && value[0] == '0')
            {
                foreach (char digit in value)
                {
                    if (digit < '0' || digit > '7' || number > ulong.MaxValue / 8)
                    {
                        return false;
                    }

                    number = (number * 8) + (ulong)(digit - '0');
                }

                return true;
            }

            return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);
        }

        private static SpiSpeedException Invalid(string text)
        {
            return new SpiSpeedException(text, "is not a clock in Hz with an optional k or M suffix (e.g. 16M, 500k, 8000000).");
        }
    }
}
