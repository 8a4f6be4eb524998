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

    /// <summary>One non-uniform erase opcode as written: "regions" are [size, count] pairs from address 0 on.</summary>
    internal sealed class EraseRegionsRecord
    {
        /// <summary>e.g. "0xD8".</summary>
        public string? Opcode { get; set; }

        public List<List<int>>? Regions { get; set; }
    }
}
