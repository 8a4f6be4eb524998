using System;

namespace SerprogNano.Host.Layout
{
    /// <summary>fmap_area.flags (coreboot's enum fmap_flags).</summary>
    [Flags]
    public enum FmapAreaFlags : ushort
    {
        None = 0,
        Static = 1 << 0,
        Compressed = 1 << 1,
        ReadOnly = 1 << 2,
        Preserve = 1 << 3,
    }
}
