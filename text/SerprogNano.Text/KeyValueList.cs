using System;
using System.Collections.Generic;
using System.Globalization;

namespace SerprogNano.Text
{
    /// <summary>
    /// A comma-separated list of <c>key=value</c> items and bare words, as flashprog writes programmer
    /// parameters (<c>serprog:dev=/dev/ttyACM0,spispeed=8M</c>) and the emulator's fault options take them
    /// (<c>drop-after=4096,split-writes</c>). Keys come from a known set, each at most once; a bare word is
    /// a known key without a value (a flag) or, where allowed, a free word such as a chip name.
    /// Every complaint is a <see cref="FormatException"/> that starts with the option it is about.
    /// </summary>
    public sealed class KeyValueList
    {
        private readonly string _subject;
        private readonly Dictionary<string, string?> _items = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _words = new();

        /// <param name="subject">What the list belongs to, starting every message: "serprog", "--fault".</param>
        /// <param name="text">The list; empty means no items.</param>
        /// <param name="knownKeys">The keys the list may hold.</param>
        /// <param name="itemKind">What an item is, for "'x' is not a parameter": "parameter", "fault".</param>
        /// <param name="allowWords">Whether an unknown bare word is kept in <see cref="Words"/> rather than refused.</param>
        public KeyValueList(string subject, string text, IReadOnlyList<string> knownKeys, string itemKind, bool allowWords = false)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentNullException.ThrowIfNull(knownKeys);
            _subject = subject;
            if (text.Length == 0)
            {
                return;
            }

            foreach (string raw in text.Split(','))
            {
                string item = raw.Trim();
                int equals = item.IndexOf('=');
                string key = equals < 0 ? item : item[..equals].Trim();
                string? value = equals < 0 ? null : item[(equals + 1)..].Trim();
                if (!IsKnown(knownKeys, key))
                {
                    if (value == null && allowWords && key.Length > 0)
                    {
                        _words.Add(key);
                        continue;
                    }

                    throw new FormatException(subject + ": '" + key + "' is not a " + itemKind + " (known: " + string.Join(", ", knownKeys) + ").");
                }

                if (value is { Length: 0 })
                {
                    throw Needs(key, "a value");
                }

                if (!_items.TryAdd(key, value))
                {
                    throw new FormatException(subject + ": " + key + " is given twice.");
                }
            }
        }

        /// <summary>The bare words that are no key, in order (the chip name of <c>emulator:W25Q64FV</c>).</summary>
        public IReadOnlyList<string> Words => _words;

        public bool Has(string key) => _items.ContainsKey(key);

        /// <summary>A key that takes no value (split-writes); false when absent.</summary>
        public bool Flag(string key)
        {
            if (!_items.TryGetValue(key, out string? value))
            {
                return false;
            }

            return value == null ? true : throw new FormatException(_subject + ": " + key + " takes no value.");
        }

        /// <summary>The value of <paramref name="key"/>, or null when absent; given without a value it is refused.</summary>
        public string? Text(string key) => _items.TryGetValue(key, out string? value) ? value ?? throw Needs(key, "a value") : null;

        /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, decimal or 0x hex.</summary>
        public long? Whole(string key, long minimum, long maximum)
        {
            string? text = Text(key);
            if (text == null)
            {
                return null;
            }

            if (!WholeNumber.TryParse(text, minimum, maximum, out long value))
            {
                throw Needs(key, WholeNumber.Range(minimum, maximum) + " (decimal or 0x hex), not '" + text + "'");
            }

            return value;
        }

        /// <summary>A chance per bit from 0 to <paramref name="maximum"/>, e.g. 1e-5.</summary>
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

        /// <summary>on/off (also true/false, yes/no, 1/0).</summary>
        public bool? Switch(string key)
        {
            string? text = Text(key);
            return text?.ToLowerInvariant() switch
            {
                null => null,
                "on" or "true" or "yes" or "1" => true,
                "off" or "false" or "no" or "0" => false,
                _ => throw Needs(key, "on or off, not '" + text + "'"),
            };
        }

        /// <summary>"SUBJECT: KEY= needs WHAT.", for a value the caller finds wrong.</summary>
        public FormatException Needs(string key, string what) => new(_subject + ": " + key + "= needs " + what + ".");

        private static bool IsKnown(IReadOnlyList<string> knownKeys, string key)
        {
            foreach (string known in knownKeys)
            {
                if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
