using System.Collections.Generic;
using SerprogNano.Host.Chips;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>The JEDEC id matches several parts; the user has to name one (-c).</summary>
    public sealed class AmbiguousChipException : SpiNorException
    {
        public AmbiguousChipException(string jedecId, IReadOnlyList<ChipDefinition> candidates)
            : base("probe", null, "The chip's id " + jedecId + " matches " + candidates.Count + " parts: " + string.Join(", ", Names(candidates)) + ". Name the one on the board with -c \"NAME\".")
        {
            Candidates = candidates;
        }

        public IReadOnlyList<ChipDefinition> Candidates { get; }

        private static IEnumerable<string> Names(IReadOnlyList<ChipDefinition> candidates)
        {
            foreach (ChipDefinition chip in candidates)
            {
                yield return "\"" + chip.Name + "\"";
            }
        }
    }
}
