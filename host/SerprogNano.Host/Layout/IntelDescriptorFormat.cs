namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// The facts of the Intel flash descriptor (IFD) that region layouts need, as flashrom's
    /// ich_descriptors.c and coreboot's util/ifdtool read them. Every offset is from the start of the chip.
    /// </summary>
    public static class IntelDescriptorFormat
    {
        /// <summary>FLVALSIG, the little-endian DWORD that marks a descriptor.</summary>
        public const uint Signature = 0x0FF0A55A;

        /// <summary>Where the signature is: 0x10 from Ibex Peak (5 series) B-step on, 0x0 before. flashrom checks 0x0 first.</summary>
        public static readonly int[] SignatureOffsets = [0x0, 0x10];

        /// <summary>The descriptor region is the chip's first 4 KiB; flashrom --ifd reads exactly this much.</summary>
        public const int Size = 0x1000;

        /// <summary>FLUMAP1, the upper map: 256 bytes of OEM section minus one DWORD before the end of the 4 KiB.</summary>
        public const int UpperMapOffset = Size - 256 - 4;

        /// <summary>FLMAP0, FLMAP1, FLMAP2 follow the signature.</summary>
        public const int Flmap0Offset = 4;
        public const int Flmap1Offset = 8;
        public const int Flmap2Offset = 12;

        /// <summary>Section base fields are bits 23:16 or 7:0 of a map DWORD, in 16-byte units.</summary>
        public const int BaseUnitShift = 4;

        /// <summary>
        /// FLREG: base in bits 14:0, limit in bits 30:16, both in 4 KiB units; the limit is the region's last 4 KiB block.
        /// A region whose base is above its limit is unused (typically base 0x7FFF, limit 0).
        /// ifdtool masks IFD v1 fields to 12 bits; the bits above are reserved zero there, so flashrom's 15-bit mask reads v1 and v2 alike.
        /// </summary>
        public const int FlregUnitShift = 12;
        public const uint FlregFieldMask = 0x7FFF;
        public const int FlregLimitShift = 16;

        /// <summary>The region section is one FLREG DWORD per region.</summary>
        public const int FlregLength = 4;

        /// <summary>
        /// Region names for --ifd -i, by FLREG index, exactly as flashrom's layout_from_ich_descriptors() gives them
        /// (ifdtool's terse names differ at some indexes: devexp, res7, devexp2, 10gbe_0...).
        /// </summary>
        public static readonly string[] RegionNames =
        [
            "fd", "bios", "me", "gbe", "pd", "reg5", "bios2", "reg7", "ec", "reg9", "ie", "10gbe", "reg12", "reg13", "reg14", "reg15",
        ];
    }
}
