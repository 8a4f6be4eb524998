using System;
using System.Collections.Generic;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>Erases a range and reads it back: an erase is only done once every byte reads 0xFF.</summary>
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
    }
}
