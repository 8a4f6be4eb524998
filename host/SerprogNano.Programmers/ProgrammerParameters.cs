using System;
using System.Collections.Generic;
using System.Globalization;
using SerprogNano.Text;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// The comma-separated <c>key=value</c> list after a programmer's name, as flashprog writes it: the shared
    /// <see cref="KeyValueList"/> plus the values only programmers take (spispeed=, cs=), every complaint a
    /// <see cref="ProgrammerStringException"/>.
    /// </summary>
    internal sealed class ProgrammerParameters
    {
        private readonly string _programmer;
        private readonly KeyValueList _list;

        private ProgrammerParameters(string programmer, KeyValueList list)
        {
            _programmer = programmer;
            _list = list;
        }

        /// <summary>Items without '=' that are no parameter (the chip name of <c>emulator:W25Q64FV</c>).</summary>
        public IReadOnlyList<string> Bare => _list.Words;

        public static ProgrammerParameters Parse(string programmer, string text, string[] knownKeys, bool allowBare = false)
        {
            return new ProgrammerParameters(programmer, Checked(() => new KeyValueList(programmer, text, knownKeys, "parameter", allowBare)));
        }

        public string? Get(string key) => Checked(() => _list.Text(key));

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

        /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, for baud= and latency-us=.</summary>
        public long? GetNumber(string key, long minimum, long maximum) => Checked(() => _list.Whole(key, minimum, maximum));

        /// <summary>on/off (also true/false, yes/no, 1/0), for busy=.</summary>
        public bool? GetSwitch(string key) => Checked(() => _list.Switch(key));

        private static T Checked<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (FormatException e)
            {
                throw new ProgrammerStringException(e.Message);
            }
        }
    }
}
