namespace SerprogNano.Host.Layout
{
    /// <summary>One FLREG entry of the region section, used or not.</summary>
    public sealed record IntelDescriptorRegion(int Index, string Name, uint Flreg)
    {
        /// <summary>Base field (bits 14:0), in 4 KiB blocks.</summary>
        public int BaseBlock => (int)(Flreg & IntelDescriptorFormat.FlregFieldMask);

        /// <summary>Limit field (bits 30:16): the region's last 4 KiB block.</summary>
        public int LimitBlock => (int)((Flreg >> IntelDescriptorFormat.FlregLimitShift) & IntelDescriptorFormat.FlregFieldMask);

        /// <summary>Unused regions have their base above their limit (typically base 0x7FFF, limit 0).</summary>
        public bool IsUsed => LimitBlock >= BaseBlock;

        /// <summary>First byte.</summary>
        public long Base => (long)BaseBlock << IntelDescriptorFormat.FlregUnitShift;

        /// <summary>Last byte (inclusive): the limit block's last byte.</summary>
        public long Limit => (((long)LimitBlock + 1) << IntelDescriptorFormat.FlregUnitShift) - 1;

        public FlashRegion ToFlashRegion() => new(Name, Base, Limit, $"FLREG{Index} = 0x{Flreg:X8}");
    }
}
