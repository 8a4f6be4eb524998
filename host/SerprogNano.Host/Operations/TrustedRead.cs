using System;
using System.Collections.Generic;
using System.Globalization;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// The read of the chip before a write that becomes its backup (the only copy of the old firmware) or is written back
    /// to it (a region write's bytes outside the regions). A block that differs from the image is believed when two reads
    /// agree on a link that flipped no bit in them, when three agree on one that did, never on a link that flips more than
    /// <see cref="KeepableNoise"/>: two reads of a 16 MiB chip at r flips per bit agree on a wrong bit about 1.3·10^8·r²
    /// times (once in 10^5 writes at 3·10^-8, half the time at 10^-4), three about 1.3·10^8·r³ times.
    /// On a programmer that checksums the chip, only what the image does not already say crosses the link, each block read
    /// checked against CRC-32s the programmer takes of it (<see cref="ReadByCrc"/>).
    /// </summary>
    internal static class TrustedRead
    {
        /// <summary>Flipped bits per bit read above which no number of agreeing reads is trusted: three agree wrongly once in 10^7 writes here.</summary>
        public const double KeepableNoise = 1e-5;

        /// <summary>Flipped bits a read must show before its rate is believed: one in a small range is no measure.</summary>
        private const int NoiseEvidence = 3;

        /// <summary>Extra reads of a doubtful block before the read is given up.</summary>
        private const int MaxRereads = 16;

        public static byte[] Read(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, IProgress<OperationProgress>? progress)
        {
            DeviceSideFlash? device = DeviceSideFlash.For(flash);
            if (device != null && image.Length > 0 && address % device.BlockSize == 0 && image.Length % device.BlockSize == 0
                && ReadByCrc(device, address, image, progress) is byte[] checkedBytes)
            {
                return checkedBytes;
            }

            var noise = new ReadNoise();
            var bytes = new byte[image.Length];
            flash.Read(address, bytes, new PhaseProgress(progress, "read", image.Length));
            BlockRereader.Settle(flash, address, image.Span, bytes, out int doubtful, progress, maxRereads: MaxRereads, agreeing: 2, noise: noise);
            ThrowIfUntrusted(address, doubtful, 2, noise);
            if (noise.BitsFlipped == 0)
            {
                return bytes;
            }

            // The link flips bits, so two reads can agree on one: every block is read once more and believed where three agree.
            var again = new byte[image.Length];
            flash.Read(address, again, new PhaseProgress(progress, "read to confirm", image.Length));
            BlockRereader.Settle(flash, address, bytes, again, out doubtful, progress, maxRereads: MaxRereads, agreeing: 3, noise: noise);
            ThrowIfUntrusted(address, doubtful, 3, noise);
            return again;
        }

        /// <summary>
        /// The programmer's CRC of every piece (<see cref="PieceSurvey"/>) tells the blocks that equal the image (their
        /// bytes are the image's) and the erased ones (0xFF); the others are read over the link, each believed when its bytes
        /// match the CRCs of its pieces: two reads that agree, one over the link and one on the programmer. Null when a block
        /// does not match: the link or the chip's wiring flips bits, and the whole range is read as on any programmer.
        /// </summary>
        private static byte[]? ReadByCrc(DeviceSideFlash device, long address, ReadOnlyMemory<byte> image, IProgress<OperationProgress>? progress)
        {
            int blockSize = device.BlockSize;
            int length = image.Length;
            PieceSurvey survey = PieceSurvey.Take(device, address, length, new PhaseProgress(progress, PieceSurvey.Phase, length));
            uint[] imagePieces = PieceSurvey.LocalCrcs(image.Span, blockSize);
            var bytes = new byte[length];
            var toRead = new List<int>();
            for (int block = 0; block < survey.Blocks; block++)
            {
                Span<byte> part = bytes.AsSpan(block * blockSize, blockSize);
                if (survey.Matches(block, imagePieces))
                {
                    image.Span.Slice(block * blockSize, blockSize).CopyTo(part);
                }
                else if (survey.IsErased(block))
                {
                    part.Fill(0xFF);
                }
                else
                {
                    toRead.Add(block);
                }
            }

            // Runs of neighbouring blocks are read as one range, as a dump is: the link stays full.
            var phase = new PhaseProgress(progress, "read", (long)toRead.Count * blockSize);
            long done = 0;
            for (int i = 0; i < toRead.Count;)
            {
                int run = 1;
                while (i + run < toRead.Count && toRead[i + run] == toRead[i] + run)
                {
                    run++;
                }

                device.Flash.Read(address + ((long)toRead[i] * blockSize), bytes.AsMemory(toRead[i] * blockSize, run * blockSize), new OffsetProgress(phase, done));
                done += (long)run * blockSize;
                i += run;
            }

            foreach (int block in toRead)
            {
                if (!survey.Describes(block, bytes.AsSpan(block * blockSize, blockSize)))
                {
                    return null;
                }
            }

            return bytes;
        }

        private static void ThrowIfUntrusted(long address, int doubtful, int agreeing, ReadNoise noise)
        {
            const string Unknowable = "the chip's contents before the write (its backup, and any bytes kept outside the regions written) cannot be known over this link. Nothing was changed. ";
            if (doubtful > 0)
            {
                throw new SpiNorException("read", address, "No " + (agreeing == 2 ? "two" : "three") + " reads of " + doubtful + " block(s) of " + BlockRereader.BlockSize + " bytes agreed in "
                    + (MaxRereads + 1) + " tries: " + Unknowable + "Check the clip and the wiring, then try again.")
                {
                    Remedies = new[] { Remedy.LowerSpiSpeed },
                };
            }

            if (noise.BitsFlipped >= NoiseEvidence && noise.Rate > KeepableNoise)
            {
                throw new SpiNorException("read", address, "Reads of the chip came back with about 1 bit in " + (1 / noise.Rate).ToString("N0", CultureInfo.InvariantCulture) + " flipped ("
                    + noise.BitsFlipped.ToString("N0", CultureInfo.InvariantCulture) + " of " + noise.BitsRead.ToString("N0", CultureInfo.InvariantCulture) + " bits): reads that agree can still be wrong, so "
                    + Unknowable + "Reseat the clip, shorten the wires or lower the SPI speed, then run the same write again.")
                {
                    Remedies = new[] { Remedy.LowerSpiSpeed },
                };
            }
        }
    }
}
