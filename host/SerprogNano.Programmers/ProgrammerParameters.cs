using System;
using System.Collections.Generic;
using System.Globalization;

namespace SerprogNano.Programmers
{
    /// <summary>The comma-separated <c>key=value</c> list after a programmer's name, as flashprog writes it.</summary>
    internal sealed class ProgrammerParameters
    {
        private readonly string _programmer;
        private readonly Dictionary<string, string> _values;

        private ProgrammerParameters(string programmer, Dictionary<string, string> values, List<string> bare)
        {
            _programmer = programmer;
            _values = values;
            Bare = bare;
        }

        /// <summary>Items without '=' (the chip name of <c>emulator:W25Q64FV</c>).</summary>
        public IReadOnlyList<string> Bare { get; }

        public static ProgrammerParameters Parse(string programmer, string text, string[] knownKeys, bool allowBare = false)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var bare = new List<string>();
            if (text.Length == 0)
            {
                return new ProgrammerParameters(programmer, values, bare);
            }

            foreach (string item in text.Split(','))
            {
                int equals = item.IndexOf('=');
                if (equals < 0)
                {
                    if (!allowBare || item.Length == 0)
                    {
                        throw new ProgrammerStringException(programmer + ": '" + item + "' is not a key=value parameter (known: " + string.Join(", ", knownKeys) + ").");
                    }

                    bare.Add(item);
                    continue;
                }

                string key = item[..equals].Trim();
                string value = item[(equals + 1)..].Trim();
                if (Array.FindIndex(knownKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) < 0)
                {
                    throw new ProgrammerStringException(programmer + " has no parameter '" + key + "' (known: " + string.Join(", ", knownKeys) + ").");
                }

                if (value.Length == 0)
                {
                    throw new ProgrammerStringException(programmer + ": " + key + "= needs a value.");
                }

                if (!values.TryAdd(key, value))
                {
                    throw new ProgrammerStringException(programmer + ": " + key + "= is given twice.");
                }
            }

            return new ProgrammerParameters(programmer, values, bare);
        }

        public string? Get(string key) => _values.TryGetValue(key, out string? value) ? value : null;

        public uint? GetSpiSpeed()
        {
            string? text = Get("spispeed");
            return text == null ? null : SpiSpeed.Parse(text);
        }

        public byte? GetChipSelect()
        {
            string? text = Get("cs");
            if (text == null)
            {
                return null;
            }

            if (!byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out byte index))
            {
                throw new ProgrammerStringException(_programmer + ": cs=" + text + " is not a chip-select index from 0 to 255.");
            }

            return index;
        }

        /// <summary>A whole number from <paramref name="minimum"/> up, for baud= and latency-us=.</summary>
        public long? GetNumber(string key, long minimum)
        {
            string? text = Get(key);
            if (text == null)
            {
                return null;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < minimum)
            {
                throw new ProgrammerStringException(_programmer + ": " + key + "=" + text + " must be a whole number of at least " + minimum + ".");
            }

            return value;
        }

        /// <summary>on/off (also true/false, yes/no, 1/0), for busy=.</summary>
        public bool? GetSwitch(string key)
        {
            string? text = Get(key);
            return text?.ToLowerInvariant() switch
            {
                null => null,
                "on" or "true" or "yes" or "1" => true,
                "off" or "false" or "no" or "0" => false,
                _ => throw new ProgrammerStringException(_programmer + ": " + key + "=" + text + " must be on or off."),
            };
        }
    }
}
