using System.Collections.Generic;
using SerprogNano.Chips;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>The JEDEC id matches several parts that differ in something a write uses; the user has to name one (-c).</summary>
    public sealed class AmbiguousChipException : SpiNorException
    {
        public AmbiguousChipException(string jedecId, IReadOnlyList<ChipDefinition> candidates, string difference)
            : base("probe", null, "The chip's id " + jedecId + " matches " + candidates.Count + " parts: " + string.Join(", ", Names(candidates))
                + ". They differ in " + difference + ", which reading and writing depend on: name the one printed on the chip with -c \"NAME\".")
        {
            Candidates = candidates;
            Difference = difference;
        }

        public IReadOnlyList<ChipDefinition> Candidates { get; }

        /// <summary>What the candidates disagree on, e.g. "addressing past 16 MiB (W25Q256FV: EN4B mode; ...)".</summary>
        public string Difference { get; }

        private static IEnumerable<string> Names(IReadOnlyList<ChipDefinition> candidates)
        {
            foreach (ChipDefinition chip in candidates)
            {
                yield return "\"" + chip.Name + "\"";
            }
        }
    }
}
