namespace SerprogNano.Chips
{
    /// <summary>Behaviour of a part that serprog does not drive, so it neither writes nor erases the part.</summary>
    public enum ChipQuirk
    {
        None,

        /// <summary>SST26: every block powers up locked by the block-protection register, unlocked only by ULBPR (0x98).</summary>
        Sst26BlockLocks,

        /// <summary>Spansion S25FL-S/S25FS-S: sector layout set by non-volatile configuration registers, told apart by the extended id.</summary>
        SpansionSectorArchitecture,

        /// <summary>Stacked dies with a status register each (flashrom's FEATURE_STATUS_PER_DIE): a write or erase is done only when every die says so.</summary>
        StatusPerDie,
    }
}
