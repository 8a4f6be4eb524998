using System.Collections.Generic;

namespace SerprogNano.Chips.Protection
{
    /// <summary>chips.json's "writeProtect" section as written: the protection layouts and the parts flashrom unprotects by itself.</summary>
    internal sealed class WriteProtectRecord
    {
        public List<WriteProtectLayoutRecord>? Layouts { get; set; }

        /// <summary>Parts that power up protected and that flashrom unprotects before every write or erase (SST25VF...).</summary>
        public List<string>? UnprotectedBeforeChange { get; set; }
    }

    /// <summary>One layout as written: bits like "SR1.7" (register 1, bit 7), and the chips.json names of the parts that have it.</summary>
    internal sealed class WriteProtectLayoutRecord
    {
        public string? Name { get; set; }

        public WriteProtectDecoding? Decode { get; set; }

        public List<string>? Bp { get; set; }

        public string? Tb { get; set; }

        public string? Sec { get; set; }

        public string? Cmp { get; set; }

        public string? Srp { get; set; }

        public string? Srl { get; set; }

        public string? Qe { get; set; }

        public List<string>? Otp { get; set; }

        public List<string>? Chips { get; set; }
    }
}
