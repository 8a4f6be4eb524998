using System;
using System.Collections.Generic;
using System.IO.Hashing;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// Reads a range several times and compares the passes: a dump is only trustworthy if two reads
    /// agree, since loose wiring or too fast a clock gives different garbage each time. Every pass after
    /// the first cuts the range into different O_SPIOPs (<see cref="ReadShifted"/>), so a fault that
    /// repeats with the framing (a firmware that mixes up bytes of neighbouring commands) cannot make
    /// two passes agree on the same wrong bytes. A programmer with the SerprogNano extensions makes the passes after the
    /// first itself: it reads the chip again over the wiring and sends only a CRC-32 per erase block, so a second pass
    /// costs no link time and still catches a clip or a clock that reads different bytes each time.
    /// </summary>
    public static class MultiPassReader
    {
        /// <summary>Bytes per read on a shifted pass: odd, so its boundaries fall where no power-of-two chunk's do.</summary>
        private const int ShiftedSegment = 61_441;

        /// <summary>How far each shifted pass moves its first boundary.</summary>
        private const int ShiftStep = 4_093;

        public static MultiPassReadResult Read(SpiNorFlash flash, long address, int length, int passes, IProgress<OperationProgress>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
            var first = new byte[length];
            var hashes = new List<string>();
            long? mismatch = null;
            DeviceSideFlash? device = DeviceSideFlash.For(flash);
            int blockSize = device?.BlockSize ?? 0;
            bool crcPasses = device != null && length > 0 && address % blockSize == 0 && length % blockSize == 0;
            uint[]? firstCrcs = null;
            byte[] pass = first;
            for (int p = 0; p < passes; p++)
            {
                if (p > 0 && crcPasses)
                {
                    var crcPhase = new PhaseProgress(progress, "read pass " + (p + 1) + " of " + passes + " (CRC-32 on the programmer)", length);
                    firstCrcs ??= CrcFlashWriter.LocalCrcs(first, blockSize);
                    int differing = CrcFlashWriter.FirstDifferingBlock(firstCrcs, device!.BlockCrcs(address, length));
                    crcPhase.Report(length);
                    if (differing >= 0 && mismatch == null)
                    {
                        mismatch = address + ((long)differing * blockSize);
                    }

                    continue;
                }

                if (p > 0)
                {
                    pass = new byte[length];
                }

                var phase = new PhaseProgress(progress, "read pass " + (p + 1) + " of " + passes, length);
                if (p == 0)
                {
                    flash.Read(address, pass, phase);
                }
                else
                {
                    ReadShifted(flash, address, pass, p, phase);
                }

                hashes.Add(Hash(pass));
                int same = first.AsSpan().CommonPrefixLength(pass);
                if (same < length && mismatch == null)
                {
                    mismatch = address + same;
                }
            }

            return new MultiPassReadResult(first, hashes, mismatch) { DeviceCrcPasses = crcPasses ? passes - 1 : 0, CrcBlockSize = crcPasses ? blockSize : 0 };
        }

        /// <summary>
        /// Reads the range as <see cref="SpiNorFlash.Read"/> does but cut elsewhere: a first piece of
        /// <paramref name="shift"/> × 4093 bytes, then pieces of 61,441 bytes, each its own O_SPIOPs. A second read
        /// made this way shares no O_SPIOP boundary with a plain read past the first piece.
        /// </summary>
        public static void ReadShifted(SpiNorFlash flash, long address, Memory<byte> destination, int shift, IProgress<long>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            ArgumentOutOfRangeException.ThrowIfLessThan(shift, 1);
            int done = 0;
            int piece = Math.Min(destination.Length, shift * ShiftStep % ShiftedSegment);
            while (done < destination.Length)
            {
                piece = Math.Min(piece == 0 ? ShiftedSegment : piece, destination.Length - done);
                flash.Read(address + done, destination.Slice(done, piece));
                done += piece;
                progress?.Report(done);
                piece = ShiftedSegment;
            }
        }

        /// <summary>XXH64 of the bytes as 16 hex digits: fast enough to print for every pass.</summary>
        public static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(XxHash64.Hash(data));
    }
}
