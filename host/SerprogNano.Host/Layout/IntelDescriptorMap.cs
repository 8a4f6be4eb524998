namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// The descriptor map (FLMAP0-2 after the signature) and the upper map FLUMAP1: where the sections are
    /// and the fields that tell the chipset generations apart. Base fields are in 16-byte units, as stored.
    /// </summary>
    public sealed record IntelDescriptorMap(uint Flmap0, uint Flmap1, uint Flmap2, uint Flumap1)
    {
        /// <summary>Flash Component Base Address (FLMAP0 bits 7:0).</summary>
        public int Fcba => (int)(Flmap0 & 0xFF);

        /// <summary>Number of Components minus one (FLMAP0 bits 9:8).</summary>
        public int Nc => (int)((Flmap0 >> 8) & 0x3);

        /// <summary>Flash Region Base Address (FLMAP0 bits 23:16).</summary>
        public int Frba => (int)((Flmap0 >> 16) & 0xFF);

        /// <summary>Number of Regions minus one (FLMAP0 bits 26:24); reserved from Sunrise Point (IFD v2) on.</summary>
        public int Nr => (int)((Flmap0 >> 24) & 0x7);

        /// <summary>Flash Master Base Address (FLMAP1 bits 7:0).</summary>
        public int Fmba => (int)(Flmap1 & 0xFF);

        /// <summary>Number of Masters (FLMAP1 bits 10:8).</summary>
        public int Nm => (int)((Flmap1 >> 8) & 0x7);

        /// <summary>PCH (ICH) Strap Base Address (FLMAP1 bits 23:16).</summary>
        public int Fisba => (int)((Flmap1 >> 16) & 0xFF);

        /// <summary>PCH (ICH) Strap Length in DWORDs (FLMAP1 bits 31:24).</summary>
        public int Isl => (int)(Flmap1 >> 24);

        /// <summary>MCH/processor Strap Base Address (FLMAP2 bits 7:0).</summary>
        public int Fmsba => (int)(Flmap2 & 0xFF);

        /// <summary>MCH Strap Length (FLMAP2 bits 15:8).</summary>
        public int Msl => (int)((Flmap2 >> 8) & 0xFF);

        /// <summary>ICC Register Init Base Address (FLMAP2 bits 23:16), from Sandy Bridge on.</summary>
        public int Iccriba => (int)((Flmap2 >> 16) & 0xFF);

        /// <summary>MIP Descriptor Table Base Address (FLUMAP1 bits 31:24), from Cannon Point on.</summary>
        public int Mdtba => (int)(Flumap1 >> 24);

        /// <summary>Byte offset of the region section.</summary>
        public int RegionSectionOffset => Frba << IntelDescriptorFormat.BaseUnitShift;
    }
}
