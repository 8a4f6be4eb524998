using System;

namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// A family of Intel chipsets that share how many FLREG entries their descriptor has.
    /// IFD v1 (ICH8 to 9 series) counts them in FLMAP0.NR; IFD v2 (Sunrise Point, Apollo Lake and later)
    /// reserves NR and has a fixed count. Counts and limits are flashrom's ich_number_of_regions().
    /// </summary>
    public sealed record IntelDescriptorGeneration
    {
        private IntelDescriptorGeneration(string name, int version, int fixedRegionCount, int maxNr)
        {
            Name = name;
            Version = version;
            FixedRegionCount = fixedRegionCount;
            MaxNr = maxNr;
        }

        public static IntelDescriptorGeneration Ich8ToIbexPeak { get; } = new("ICH8 to 5 series (Ibex Peak)", 1, 0, 4);

        public static IntelDescriptorGeneration BayTrailToPantherPoint { get; } = new("Bay Trail, 6/7 series (Cougar/Panther Point)", 1, 0, 4);

        public static IntelDescriptorGeneration LynxToWildcatPoint { get; } = new("8/9 series (Lynx/Wildcat Point)", 1, 0, 6);

        public static IntelDescriptorGeneration ApolloGeminiLake { get; } = new("Apollo Lake/Gemini Lake", 2, 6, 0);

        public static IntelDescriptorGeneration SunrisePoint { get; } = new("100/200 series (Sunrise Point)", 2, 10, 0);

        public static IntelDescriptorGeneration CannonPointAndLater { get; } =
            new("300 series (Cannon Point) and later, C620 (Lewisburg), C740 (Emmitsburg)", 2, 16, 0);

        public string Name { get; }

        /// <summary>IFD version: 1 or 2.</summary>
        public int Version { get; }

        /// <summary>IFD v2: the number of FLREG entries; 0 for v1, where FLMAP0.NR + 1 gives it.</summary>
        public int FixedRegionCount { get; }

        /// <summary>IFD v1: the largest NR this family has.</summary>
        public int MaxNr { get; }

        /// <summary>
        /// The family, from the map fields as flashrom's guess_ich_chipset_from_content() tells them apart
        /// (strap lengths, the ICC register init base, the MIP table base of the upper map).
        /// </summary>
        public static IntelDescriptorGeneration Guess(IntelDescriptorMap map)
        {
            ArgumentNullException.ThrowIfNull(map);
            if (map.Iccriba == 0)
            {
                if (map.Isl <= 16)
                {
                    return Ich8ToIbexPeak;
                }

                if (map.Flmap2 == 0)
                {
                    return ApolloGeminiLake;
                }

                // C740 (Emmitsburg) has 0x50 PCH straps; flashrom assumes Ibex Peak for anything else here.
                return map.Isl == 0x50 ? CannonPointAndLater : Ich8ToIbexPeak;
            }

            if (map.Mdtba == 0)
            {
                if (map.Iccriba < 0x31 && map.Fmsba < 0x30)
                {
                    return map.Msl <= 1 && map.Isl <= 18 ? BayTrailToPantherPoint : LynxToWildcatPoint;
                }

                // C620 (Lewisburg) has NM 6: 16 regions; everything else here is Sunrise Point.
                return map.Nm == 6 ? CannonPointAndLater : SunrisePoint;
            }

            return CannonPointAndLater;
        }

        /// <summary>How many FLREG entries the region section has, or a <see cref="LayoutException"/> for an impossible NR.</summary>
        public int RegionCount(IntelDescriptorMap map)
        {
            ArgumentNullException.ThrowIfNull(map);
            if (FixedRegionCount > 0)
            {
                return FixedRegionCount;
            }

            if (map.Nr > MaxNr)
            {
                throw new LayoutException(
                    $"The Intel flash descriptor is damaged: FLMAP0 says {map.Nr + 1} regions (NR {map.Nr}), a {Name} descriptor has at most {MaxNr + 1}. Restore the descriptor from a backup of this board.");
            }

            return map.Nr + 1;
        }
    }
}
