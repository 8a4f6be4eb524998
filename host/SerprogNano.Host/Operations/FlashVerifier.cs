using System;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>Reads the chip back and compares it with what it should hold.</summary>
    public static class FlashVerifier
    {
        /// <summary>
        /// Returns the bytes compared; throws <see cref="VerifyFailedException"/> at the first difference
        /// that a second read of its block confirms (a bit flipped on the link is not a failed write).
        /// </summary>
        public static long Verify(SpiNorFlash flash, long address, ReadOnlyMemory<byte> expected, IProgress<OperationProgress>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            DeviceSideFlash? device = DeviceSideFlash.For(flash);
            if (CrcFlashWriter.Applies(device, address, expected.Length, new WriteOptions()))
            {
                return VerifyByCrc(device!, address, expected, progress);
            }

            var actual = new byte[expected.Length];
            flash.Read(address, actual, new PhaseProgress(progress, "verify", expected.Length));
            BlockRereader.Settle(flash, address, expected.Span, actual);
            ThrowIfDifferent(address, expected.Span, actual);
            return actual.Length;
        }

        /// <summary>
        /// Compares CRC-32s the programmer computes from the chip with the image's, block by block: no data crosses the
        /// link unless a block differs; every such block is then read to count the differing bytes and name the first.
        /// </summary>
        private static long VerifyByCrc(DeviceSideFlash device, long address, ReadOnlyMemory<byte> expected, IProgress<OperationProgress>? progress)
        {
            var phase = new PhaseProgress(progress, WritePhase.DeviceVerify, expected.Length);
            int blockSize = device.BlockSize;
            if (CrcFlashWriter.Mismatch(device, address, expected, CrcFlashWriter.LocalCrcs(expected.Span, blockSize), device.BlockCrcs(address, expected.Length, phase), 0) is VerifyFailedException e)
            {
                throw e;
            }

            return expected.Length;
        }

        /// <summary>Throws <see cref="VerifyFailedException"/> naming the first differing address and how many differ.</summary>
        public static void ThrowIfDifferent(long address, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
        {
            if (Difference(address, expected, actual) is VerifyFailedException e)
            {
                throw e;
            }
        }

        /// <summary>The first differing address and how many bytes differ, or null where the two are equal.</summary>
        internal static VerifyFailedException? Difference(long address, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
        {
            int first = expected.CommonPrefixLength(actual);
            if (first == expected.Length)
            {
                return null;
            }

            long differing = 0;
            for (int i = first; i < expected.Length; i++)
            {
                differing += expected[i] != actual[i] ? 1 : 0;
            }

            return new VerifyFailedException(address + first, expected[first], actual[first], differing);
        }
    }
}
