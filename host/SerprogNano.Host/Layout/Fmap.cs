using System.Collections.Generic;
using System.Linq;

namespace SerprogNano.Host.Layout
{
    /// <summary>A flashmap found at <paramref name="Location"/> of the chip or image.</summary>
    public sealed record Fmap(
        long Location,
        int VersionMajor,
        int VersionMinor,
        ulong Base,
        uint Size,
        string Name,
        IReadOnlyList<FmapArea> Areas)
    {
        /// <summary>
        /// The areas as layout regions, under their own names. As in flashrom, empty areas are left out
        /// (an inclusive range cannot be empty) and nested areas stay: only regions included together must not overlap.
        /// </summary>
        public FlashLayout ToLayout()
        {
            return new FlashLayout(
                Areas.Where(area => area.Size > 0).Select(area => ToRegion(area)),
                $"the FMAP at 0x{Location:X}");
        }

        private FlashRegion ToRegion(FmapArea area)
        {
            string origin = $"FMAP area {area.Index} at 0x{Location:X}: offset 0x{area.Offset:X8}, size 0x{area.Size:X8}";
            if (area.End > FlashRegion.MaxAddress)
            {
                throw new LayoutException($"The FMAP is damaged: area '{area.Name}' ({origin}) ends beyond the 4 GiB a chip can address. Rebuild the image or use another layout.");
            }

            return new FlashRegion(area.Name, area.Offset, area.End, origin);
        }
    }
}
