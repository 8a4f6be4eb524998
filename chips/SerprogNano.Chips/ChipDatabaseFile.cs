using System.Collections.Generic;
using SerprogNano.Chips.Protection;

namespace SerprogNano.Chips
{
    /// <summary>The shape of chips.json: its entries, read as written and checked by <see cref="ChipRecordMapper"/>.</summary>
    internal sealed class ChipDatabaseFile
    {
        public List<ChipRecord>? Chips { get; set; }

        /// <summary>Write-protect layouts and the parts that have them; absent parts report "protection layout unknown".</summary>
        public WriteProtectRecord? WriteProtect { get; set; }
    }
}
