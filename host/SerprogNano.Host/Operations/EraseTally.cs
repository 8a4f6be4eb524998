using System.Collections.Generic;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>Counts block erases by block size, for results the user reads.</summary>
    public static class EraseTally
    {
        public static IReadOnlyDictionary<int, int> BySize(IEnumerable<EraseStep> steps)
        {
            var counts = new Dictionary<int, int>();
            foreach (EraseStep step in steps)
            {
                counts[step.Block.Size] = counts.GetValueOrDefault(step.Block.Size) + 1;
            }

            return counts;
        }
    }
}
