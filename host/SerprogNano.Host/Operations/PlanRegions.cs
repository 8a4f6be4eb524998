using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Host.Layout;

namespace SerprogNano.Host.Operations
{
    /// <summary>Which regions of a layout a write plan changes, and how many of their bytes it erases or programs.</summary>
    public static class PlanRegions
    {
        /// <summary>Every region of <paramref name="layout"/> with the bytes of it the plan erases or programs (0: unchanged).</summary>
        public static IReadOnlyList<(FlashRegion Region, long BytesChanged)> Of(FlashLayout layout, WritePlan plan)
        {
            var touched = plan.Erases.Select(step => (Start: step.Address, Length: (long)step.Block.Size))
                .Concat(plan.Programs.Select(page => (Start: page.Address, Length: (long)page.Data.Length)))
                .OrderBy(range => range.Start)
                .ToList();
            return layout.Regions
                .OrderBy(region => region.Start)
                .Select(region => (region, Changed(region, touched)))
                .ToList();
        }

        /// <summary>Bytes of the region inside any of the ranges (sorted by start); erases and the programs after them count once.</summary>
        private static long Changed(FlashRegion region, List<(long Start, long Length)> ranges)
        {
            long changed = 0;
            long covered = region.Start;
            foreach ((long start, long length) in ranges)
            {
                long from = Math.Max(Math.Max(start, covered), region.Start);
                long to = Math.Min(start + length - 1, region.End);
                if (to >= from)
                {
                    changed += to - from + 1;
                    covered = to + 1;
                }
            }

            return changed;
        }
    }
}
