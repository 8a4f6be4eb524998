using System.Collections.Generic;
using System.Linq;

namespace SerprogNano.Host.Layout
{
    /// <summary>An Intel flash descriptor as read from the chip's first 4 KiB, all FLREG entries included.</summary>
    public sealed record IntelDescriptor(
        int SignatureOffset,
        IntelDescriptorMap Map,
        IntelDescriptorGeneration Generation,
        IReadOnlyList<IntelDescriptorRegion> Regions)
    {
        /// <summary>The used regions under flashrom's --ifd names (fd, bios, me, gbe, pd, ec...).</summary>
        public FlashLayout ToLayout()
        {
            return new FlashLayout(
                Regions.Where(region => region.IsUsed).Select(region => region.ToFlashRegion()),
                "the Intel flash descriptor");
        }
    }
}
