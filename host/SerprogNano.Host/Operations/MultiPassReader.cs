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
    /// two passes agree on the same wrong bytes. With a programmer with the SerprogNano extensions, the first pass carries
    /// only the pieces that are not erased (<see cref="ReadSparse"/>; older firmware: <see cref="PieceSurvey"/>), and the
    /// programmer makes the passes after the first
    /// itself: it reads the chip again over the wiring and sends only CRC-32s, so a second pass costs no link time and still
    /// catches a clip or a clock that reads different bytes each time. Those CRCs are taken over windows shifted by half a
    /// piece against the survey's, so a block the survey wrongly took as erased must fool a second, independent set of checks.
    /// </summary>
    public static class MultiPassReader
    {
        /// <summary>Bytes per read on a shifted pass: odd, so its boundaries fall where no power-of-two chunk's do.</summary>
        private const int ShiftedSegment = 61_441;

        /// <summary>Bytes of a sparse first pass between progress reports: about 2.7 s at 2 Mbaud, less where pieces are erased.</summary>
        private const int SparseBytesPerProgress = 512 * 1024;

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
            long erasedBytes = 0;
            byte[] pass = first;
            for (int p = 0; p < passes; p++)
            {
                if (p > 0 && crcPasses)
                {
                    var crcPhase = new PhaseProgress(progress, "read pass " + (p + 1) + " of " + passes + " (CRC-32 on the programmer)", length);
                    long? differing = ShiftedCrcMismatch(device!, address, first);
                    crcPhase.Report(length);
                    mismatch ??= differing;
                    continue;
                }

                if (p > 0)
                {
                    pass = new byte[length];
                }

                var phase = new PhaseProgress(progress, "read pass " + (p + 1) + " of " + passes, length);
                if (p == 0 && crcPasses)
                {
                    erasedBytes = ReadUnerased(device!, address, pass, progress, phase);
                }
                else if (p == 0)
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

            return new MultiPassReadResult(first, hashes, mismatch)
            {
                DeviceCrcPasses = crcPasses ? passes - 1 : 0,
                CrcWindowSize = crcPasses ? PieceSurvey.PieceFor(blockSize) : 0,
                ErasedBytesNotCarried = erasedBytes,
            };
        }

        /// <summary>
        /// The first pass through the extensions: the programmer's CRC of every piece says which blocks are erased; those are
        /// filled with 0xFF here, the others read over the link in runs. Returns the bytes not carried.
        /// </summary>
        private static long ReadUnerased(DeviceSideFlash device, long address, byte[] data, IProgress<OperationProgress>? progress, PhaseProgress phase)
        {
            if (device.ReadsSkippingErased)
            {
                return ReadSparse(device, address, data, phase);
            }

            PieceSurvey survey = PieceSurvey.Take(device, address, data.Length, new PhaseProgress(progress, PieceSurvey.Phase, data.Length));
            int blockSize = survey.BlockSize;
            long erased = 0;
            int block = 0;
            while (block < survey.Blocks)
            {
                int run = 1;
                bool isErased = survey.IsErased(block);
                while (block + run < survey.Blocks && survey.IsErased(block + run) == isErased)
                {
                    run++;
                }

                int offset = block * blockSize;
                if (isErased)
                {
                    data.AsSpan(offset, run * blockSize).Fill(0xFF);
                    erased += run * blockSize;
                }
                else
                {
                    device.Flash.Read(address + offset, data.AsMemory(offset, run * blockSize), new OffsetProgress(phase, offset));
                }

                block += run;
                phase.Report(offset + (run * blockSize));
            }

            return erased;
        }

        /// <summary>
        /// The first pass in one go on a programmer with O_NANO_READ_SPARSE: it surveys as it reads (each piece's CRC-32 on
        /// the device) and sends only the pieces that are not erased, so the survey costs no pass of its own and contents
        /// without erased pieces still cross the link at its rate. Returns the bytes not carried.
        /// </summary>
        private static long ReadSparse(DeviceSideFlash device, long address, byte[] data, PhaseProgress phase)
        {
            int piece = PieceSurvey.PieceFor(device.BlockSize);
            int step = Math.Max(1, SparseBytesPerProgress / piece) * piece;
            long erased = 0;
            for (int offset = 0; offset < data.Length; offset += step)
            {
                int length = Math.Min(step, data.Length - offset);
                erased += device.ReadSkippingErased(address + offset, data.AsMemory(offset, length), piece);
                phase.Report(offset + length);
            }

            return erased;
        }

        /// <summary>
        /// A pass on the programmer: CRC-32s of windows of a piece's length that start half a piece later than the survey's
        /// pieces (a half window at each end), compared with the same windows of the first pass's bytes. Every piece is cut in
        /// two, so a piece whose difference from what was taken fools its own CRC still has to fool the CRCs of both halves:
        /// independent checks. Returns where the first differing window starts, or null.
        /// </summary>
        private static long? ShiftedCrcMismatch(DeviceSideFlash device, long address, byte[] first)
        {
            int window = PieceSurvey.PieceFor(device.BlockSize);
            int shift = window / 2;
            int middle = first.Length - window;
            (int Offset, int Size, int Length)[] windows = [(0, shift, shift), (shift, window, middle), (shift + middle, window - shift, window - shift)];
            foreach ((int offset, int size, int length) in windows)
            {
                if (length == 0)
                {
                    continue;
                }

                uint[] local = CrcFlashWriter.LocalCrcs(first.AsSpan(offset, length), size);
                int differing = CrcFlashWriter.FirstDifferingBlock(local, device.Crcs(address + offset, length, size));
                if (differing >= 0)
                {
                    return address + offset + ((long)differing * size);
                }
            }

            return null;
        }

        /// <summary>
        /// Reads the range as <see cref="SpiNorFlash.Read"/> does but cut elsewhere: a first O_SPIOP of <paramref name="shift"/>
        /// bytes, a second piece of <paramref name="shift"/> × 4093 bytes, then pieces of 61,441 bytes, each its own O_SPIOPs.
        /// Past its first byte(s), no reply of such a read starts where a plain read's (or another shift's) does, so a fault
        /// at a fixed place in every reply lands on other bytes.
        /// </summary>
        public static void ReadShifted(SpiNorFlash flash, long address, Memory<byte> destination, int shift, IProgress<long>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            ArgumentOutOfRangeException.ThrowIfLessThan(shift, 1);
            int done = 0;
            int piece = shift;
            int next = shift * ShiftStep % ShiftedSegment;
            while (done < destination.Length)
            {
                piece = Math.Min(piece == 0 ? ShiftedSegment : piece, destination.Length - done);
                flash.Read(address + done, destination.Slice(done, piece));
                done += piece;
                progress?.Report(done);
                piece = next;
                next = ShiftedSegment;
            }
        }

        /// <summary>XXH64 of the bytes as 16 hex digits: fast enough to print for every pass.</summary>
        public static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(XxHash64.Hash(data));
    }
}
