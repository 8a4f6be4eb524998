using System;
using System.Collections.Generic;
using SerprogNano.Host.Layout;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>Erases a range, or regions, and checks it: an erase is only done once every byte reads 0xFF and, with regions, the rest as it was.</summary>
    public static class FlashEraser
    {
        /// <summary>Returns the block erases done, by block size; throws <see cref="VerifyFailedException"/> at the first byte left programmed.</summary>
        public static IReadOnlyDictionary<int, int> Erase(SpiNorFlash flash, long address, long length, IProgress<OperationProgress>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            IReadOnlyList<EraseStep> steps = flash.Erase(address, length, new PhaseProgress(progress, "erase", length));
            var blank = new byte[length];
            blank.AsSpan().Fill(0xFF);
            FlashVerifier.Verify(flash, address, blank, progress);
            return EraseTally.BySize(steps);
        }

        /// <summary>
        /// Turns the regions to 0xFF and leaves the rest as it was: the write planner rewrites an erase block they share
        /// with the rest with the rest's bytes, and the whole chip is compared with its read before the first change (CRC
        /// per erase block with the SerprogNano extensions, else read back), so an erase that a flipped address bit sent
        /// outside the regions is repaired, or the failure names the blocks outside that changed.
        /// </summary>
        public static WriteResult EraseRegions(SpiNorFlash flash, IReadOnlyList<FlashRegion> regions, IProgress<OperationProgress>? progress = null, Action<WritePlan>? planned = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            var blank = new byte[flash.Size];
            blank.AsSpan().Fill(0xFF);
            return FlashWriter.Write(flash, 0, blank, new WriteOptions { Regions = regions, VerifyAll = true, Progress = progress, Planned = planned });
        }
    }
}
