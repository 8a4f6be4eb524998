using System;
using System.Collections.Generic;
using System.Linq;

namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// The regions of a chip, from a layout file, an Intel flash descriptor or an FMAP.
    /// As in flashrom, regions may overlap (FMAP areas nest); only regions included together must not.
    /// </summary>
    public sealed class FlashLayout
    {
        /// <param name="source">What the layout came from ("layout file board.layout"), quoted in errors.</param>
        public FlashLayout(IEnumerable<FlashRegion> regions, string source)
        {
            Regions = regions.ToArray();
            Source = source;
            var seen = new Dictionary<string, FlashRegion>(StringComparer.Ordinal);
            foreach (FlashRegion region in Regions)
            {
                if (seen.TryGetValue(region.Name, out FlashRegion? first))
                {
                    throw new LayoutException(
                        $"{Source}: region name '{region.Name}' is used twice ({Describe(first)} and {Describe(region)}); -i could not tell them apart, so rename one.");
                }

                seen.Add(region.Name, region);
            }
        }

        public IReadOnlyList<FlashRegion> Regions { get; }

        /// <summary>What the layout came from, as quoted in errors.</summary>
        public string Source { get; }

        public IEnumerable<string> Names => Regions.Select(region => region.Name);

        /// <summary>The region named exactly <paramref name="name"/> (flashrom compares names case-sensitively).</summary>
        public FlashRegion Find(string name)
        {
            return Regions.FirstOrDefault(region => region.Name == name)
                ?? throw new LayoutException(
                    $"There is no region '{name}' in {Source}. The regions are: {string.Join(", ", Names)}. Names are case-sensitive.");
        }

        /// <summary>Throws unless every region lies on a chip of <paramref name="chipSize"/> bytes.</summary>
        public void CheckFits(long chipSize)
        {
            foreach (FlashRegion region in Regions)
            {
                region.CheckFits(chipSize);
            }
        }

        /// <summary>
        /// The regions named by -i, checked as flashrom checks them before a read, write or erase:
        /// each name exists and is given once, each region lies on the chip, and no two overlap.
        /// </summary>
        public IReadOnlyList<FlashRegion> Include(IEnumerable<string> names, long chipSize)
        {
            var included = new List<FlashRegion>();
            foreach (string name in names)
            {
                FlashRegion region = Find(name);
                if (included.Contains(region))
                {
                    throw new LayoutException($"Region '{name}' is included twice; give each -i once.");
                }

                region.CheckFits(chipSize);
                FlashRegion? clash = included.FirstOrDefault(other => other.Overlaps(region));
                if (clash is not null)
                {
                    throw new LayoutException(
                        $"Included regions '{clash.Name}' {clash.Range} and '{region.Name}' {region.Range} overlap, so it is not clear which content goes where. Include only one of them.");
                }

                included.Add(region);
            }

            return included;
        }

        /// <summary>
        /// The regions of this layout and of <paramref name="other"/> (of the same chip) that the other lacks by
        /// name and range, each in its own order; both empty when the two place every region alike.
        /// </summary>
        public (IReadOnlyList<FlashRegion> OnlyHere, IReadOnlyList<FlashRegion> OnlyThere) Differences(FlashLayout other)
        {
            ArgumentNullException.ThrowIfNull(other);
            var here = Regions.Select(region => region.ToString()).ToHashSet(StringComparer.Ordinal);
            var there = other.Regions.Select(region => region.ToString()).ToHashSet(StringComparer.Ordinal);
            return (Regions.Where(region => !there.Contains(region.ToString())).ToList(), other.Regions.Where(region => !here.Contains(region.ToString())).ToList());
        }

        private static string Describe(FlashRegion region) => region.Origin is null ? region.Range : $"{region.Range}, {region.Origin}";
    }
}
