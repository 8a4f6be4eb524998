using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>-c names a part the database does not have; the message offers the closest names.</summary>
    public sealed class UnknownChipException : SpiNorException
    {
        public UnknownChipException(string name, ChipDatabase database)
            : base("probe", null, Describe(name, database))
        {
            Remedies = new[] { Remedy.ListChips };
        }

        private static string Describe(string name, ChipDatabase database)
        {
            IReadOnlyList<string> closest = database.ClosestNames(name);
            string start = "No chip called \"" + name + "\" is in the database";
            return closest.Count == 0 ? start + " of " + database.Chips.Count + " parts." : start + ". Closest: " + string.Join(", ", closest) + ".";
        }
    }
}
