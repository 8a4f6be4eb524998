using System;
using System.Collections.Generic;
using System.Globalization;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>The comma-separated <c>key=value</c> items of a fault option, with checked numbers.</summary>
    internal sealed class FaultTextItems
    {
        private readonly string _option;
        private readonly Dictionary<string, string?> _items = new(StringComparer.OrdinalIgnoreCase);

        public FaultTextItems(string option, string text, string[] knownKeys)
        {
            _option = option;
            foreach (string raw in text.Split(','))
            {
                string item = raw.Trim();
                int equals = item.IndexOf('=');
                string key = equals < 0 ? item : item[..equals].Trim();
                string? value = equals < 0 ? null : item[(equals + 1)..].Trim();
                if (Array.FindIndex(knownKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) < 0)
                {
                    throw new FormatException(option + ": '" + item + "' is not a fault (known: " + string.Join(", ", knownKeys) + ").");
                }

                if (!_items.TryAdd(key, value))
                {
                    throw new FormatException(option + ": " + key + " is given twice.");
                }
            }
        }

        public bool Has(string key) => _items.ContainsKey(key);

        /// <summary>A key that takes no value (split-writes, absent).</summary>
        public bool Flag(string key)
        {
            if (!_items.TryGetValue(key, out string? value))
            {
                return false;
            }

            return value == null ? true : throw new FormatException(_option + ": " + key + " takes no value.");
        }

        public string? Text(string key) => _items.TryGetValue(key, out string? value) ? value ?? throw Needs(key, "a value") : null;

        public long? Whole(string key)
        {
            string? text = Text(key);
            if (text == null)
            {
                return null;
            }

            bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!long.TryParse(hex ? text[2..] : text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                throw Needs(key, "a whole number (decimal or 0x hex), not '" + text + "'");
            }

            return value;
        }

        /// <summary>A chance per bit, e.g. 1e-5.</summary>
        public double? Rate(string key, double maximum)
        {
            string? text = Text(key);
            if (text == null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || rate < 0 || rate > maximum)
            {
                throw Needs(key, "a rate per bit from 0 to " + maximum.ToString(CultureInfo.InvariantCulture) + " such as 1e-5, not '" + text + "'");
            }

            return rate;
        }

        public FormatException Needs(string key, string what) => new(_option + ": " + key + "= needs " + what + ".");
    }
}
