using System.Collections.Generic;

namespace SerprogNano.Chips
{
    /// <summary>One erase block type of a chips.json entry as written.</summary>
    internal sealed class EraseBlockRecord
    {
        public int? Size { get; set; }

        /// <summary>e.g. "0x20".</summary>
        public string? Opcode { get; set; }

        /// <summary>4-byte-address variant, e.g. "0x21", on chips that have one.</summary>
        public string? Opcode4Byte { get; set; }

        /// <summary>[typical, max] erase time in ms; generic figures when absent.</summary>
        public List<double>? TimeMs { get; set; }
    }
}
