using System.Collections.Generic;

namespace SerprogNano.Chips
{
    /// <summary>The shape of chips.json: its entries, read as written and checked by <see cref="ChipRecordMapper"/>.</summary>
    internal sealed class ChipDatabaseFile
    {
        public List<ChipRecord>? Chips { get; set; }
    }
}
