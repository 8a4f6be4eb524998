namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// The facts of the flashmap (FMAP) as coreboot's fmap_serialized.h defines it and flashrom's fmap.c searches
    /// for it. All fields are little-endian and packed.
    /// </summary>
    public static class FmapFormat
    {
        /// <summary>The header starts with these 8 ASCII bytes.</summary>
        public const string Signature = "__FMAP__";

        /// <summary>The only major version; flashrom skips a signature followed by any other (strings that contain the magic).</summary>
        public const int VersionMajor = 1;

        /// <summary>Names are NUL-terminated within 32 bytes.</summary>
        public const int NameLength = 32;

        /// <summary>Header: signature[8], ver_major u8 @8, ver_minor u8 @9, base u64 @10, size u32 @18, name[32] @22, nareas u16 @54.</summary>
        public const int VersionMajorOffset = 8;
        public const int VersionMinorOffset = 9;
        public const int BaseOffset = 10;
        public const int SizeOffset = 18;
        public const int NameOffset = 22;
        public const int AreaCountOffset = 54;
        public const int HeaderLength = 56;

        /// <summary>Area: offset u32 @0, size u32 @4, name[32] @8, flags u16 @40.</summary>
        public const int AreaOffsetOffset = 0;
        public const int AreaSizeOffset = 4;
        public const int AreaNameOffset = 8;
        public const int AreaFlagsOffset = 40;
        public const int AreaLength = 42;

        /// <summary>flashrom first tries offsets aligned to chip size / 2, / 4 ... down to this stride, then every byte.</summary>
        public const int SearchMinStride = 256;
    }
}
