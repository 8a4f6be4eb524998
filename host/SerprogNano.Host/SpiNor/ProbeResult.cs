using System.Collections.Generic;
using SerprogNano.Chips;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>The part found on the bus and how it was recognised.</summary>
    /// <param name="Chip">The definition all operations will follow.</param>
    /// <param name="Identity">What the chip answered.</param>
    /// <param name="Source">"database", "SFDP" or "forced" (-c).</param>
    /// <param name="Warnings">Things the user should know (a forced part whose id differs).</param>
    public sealed record ProbeResult(ChipDefinition Chip, ChipIdentity Identity, string Source, IReadOnlyList<string> Warnings)
    {
        /// <summary>The database entries sharing the chip's id that <see cref="Chip"/> stands for (more than one: they read, erase and write alike).</summary>
        public IReadOnlyList<ChipDefinition> Candidates { get; init; } = [];

        /// <summary>
        /// For a part named with -c: why the chip does not confirm it (its id or size differs, or it gives no
        /// id to check); null when it does. Such a part may be read, never written or erased.
        /// </summary>
        public string? Contradiction { get; init; }

        /// <summary>For a part named with -c: what the chip would be taken for without -c (database or SFDP), when anything.</summary>
        public ChipDefinition? Recognised { get; init; }

        /// <summary>For a part named with -c: the size the chip itself gives (its id's database entries or its SFDP tables), when it gives one.</summary>
        public long? ChipSize { get; init; }
    }
}
