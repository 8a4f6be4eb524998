using System.Collections.Generic;
using SerprogNano.Host.Chips;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>The part found on the bus and how it was recognised.</summary>
    /// <param name="Chip">The definition all operations will follow.</param>
    /// <param name="Identity">What the chip answered.</param>
    /// <param name="Source">"database", "SFDP" or "forced" (-c).</param>
    /// <param name="Warnings">Things the user should know (a forced part whose id differs).</param>
    public sealed record ProbeResult(ChipDefinition Chip, ChipIdentity Identity, string Source, IReadOnlyList<string> Warnings);
}
