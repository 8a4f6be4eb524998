using System;
using System.Collections.Generic;
using System.IO.Hashing;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// The write through the SerprogNano extensions: the old contents cross the link once (only when a backup is
    /// wanted) and the image once (only where it differs); planning and verifying compare CRC-32s the device computes
    /// from the chip with the image's, block by block, and every erase and page program is waited for on the device.
    /// </summary>
    public static class CrcFlashWriter
    {
        /// <summary>Whether this write can go the device-side way: a device offering it, and whole erase blocks.</summary>
        public static bool Applies(DeviceSideFlash? device, long address, long length, WriteOptions options)
        {
            return device != null && options.Regions == null && length > 0
                && address % device.BlockSize == 0 && length % device.BlockSize == 0;
        }

        public static WriteResult Write(DeviceSideFlash device, long address, ReadOnlyMemory<byte> image, WriteOptions options)
        {
            SpiNorFlash flash = device.Flash;
            int blockSize = device.BlockSize;
            uint[] wanted = LocalCrcs(image.Span, blockSize);
            byte[]? backup = null;
            uint[] onChip;
            if (options.BeforeChange != null && options.OldContentsNeeded)
            {
                backup = TrustedRead.Read(flash, address, image, options.Progress);
                onChip = LocalCrcs(backup, blockSize);
            }
            else
            {
                onChip = device.BlockCrcs(address, image.Length, new PhaseProgress(options.Progress, WritePhase.Survey(blockSize), image.Length));
            }

            WritePlan plan = Plan(flash, address, image, blockSize, wanted, onChip, backup);
            if (plan.IsEmpty)
            {
                // Every block's CRC, computed on the device from the chip, equals the image's: that is the verify.
                return Result(plan, image.Length);
            }

            ProtectionGuard.Ensure(flash, ProtectionGuard.Touched(plan), options.ClearProtection, "write", options.StatusRegistersChanged);
            options.BeforeChange?.Invoke(backup ?? ReadOnlyMemory<byte>.Empty);
            WritePlan first = plan;
            int rounds = 0;
            while (true)
            {
                rounds++;
                options.Planned?.Invoke(plan);
                FlashWriter.Execute(flash, plan, rounds > 1 ? WritePhase.RepairPrefix : "", options.Progress);
                // Also what finds the erases and programs the link damaged (refused, or answered out of step).
                string verify = rounds > 1 ? WritePhase.DeviceVerifyAfterRepair : WritePhase.DeviceVerify;
                onChip = device.BlockCrcs(address, image.Length, new PhaseProgress(options.Progress, verify, image.Length));
                int differing = FirstDifferingBlock(wanted, onChip);
                if (differing < 0)
                {
                    return Result(first, image.Length) with { Repaired = rounds > 1, Passes = rounds };
                }

                if (rounds == FlashWriter.MaxPasses)
                {
                    // Blocks whose CRC alone was hit on the link are no failure.
                    return Mismatch(device, address, image, wanted, onChip, rounds) is VerifyFailedException failure
                        ? throw failure
                        : Result(first, image.Length) with { Repaired = true, Passes = rounds };
                }

                // What the device's CRCs flag is unknown now: erase and program those blocks again.
                plan = Plan(flash, address, image, blockSize, wanted, onChip, null);
            }
        }

        /// <summary>CRC-32 of each block of <paramref name="data"/>.</summary>
        public static uint[] LocalCrcs(ReadOnlySpan<byte> data, int blockSize)
        {
            var crcs = new uint[data.Length / blockSize];
            for (int i = 0; i < crcs.Length; i++)
            {
                crcs[i] = Crc32.HashToUInt32(data.Slice(i * blockSize, blockSize));
            }

            return crcs;
        }

        /// <summary>Index of the first block whose CRCs differ, or -1.</summary>
        public static int FirstDifferingBlock(uint[] expected, uint[] actual)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The plan from what the chip holds to the image. Blocks whose CRC matches hold the image, blocks whose CRC is that
        /// of an erased block hold 0xFF; another differing block holds the backup's bytes where one was read, else unknown
        /// bytes, planned as the image's complement so that the block is erased whenever the image has a 1 bit in it and
        /// every page is programmed.
        /// </summary>
        private static WritePlan Plan(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, int blockSize, uint[] wanted, uint[] onChip, byte[]? backup)
        {
            byte[] current = image.ToArray();
            uint erasedCrc = ErasedFlash.Crc32Of(blockSize);
            for (int block = 0; block < wanted.Length; block++)
            {
                if (wanted[block] == onChip[block])
                {
                    continue;
                }

                Span<byte> part = current.AsSpan(block * blockSize, blockSize);
                if (backup != null)
                {
                    backup.AsSpan(block * blockSize, blockSize).CopyTo(part);
                }
                else if (onChip[block] == erasedCrc)
                {
                    part.Fill(ErasedFlash.Value);
                }
                else
                {
                    for (int i = 0; i < part.Length; i++)
                    {
                        part[i] = (byte)~part[i];
                    }
                }
            }

            return WritePlan.Create(flash.Addressing.EraseBlocks, flash.ProgramUnit, address, current, image);
        }

        /// <summary>
        /// The blocks whose device CRC differs from <paramref name="wanted"/>, read over the link (settled as the v1 verify's
        /// read is) and compared byte by byte: every differing byte counted, the first named, as the v1 verify does. Null when
        /// every such read matches and a CRC asked again agrees (a bit flipped in a CRC reply, or in one read of the chip).
        /// After <paramref name="rounds"/> of writing, a read that agrees with the device's CRC shows the link healthy: the chip refused.
        /// </summary>
        internal static VerifyFailedException? Mismatch(DeviceSideFlash device, long address, ReadOnlyMemory<byte> expected, uint[] wanted, uint[] onChip, int rounds)
        {
            int blockSize = device.BlockSize;
            VerifyFailedException? first = null;
            byte[]? firstRead = null;
            long firstBlock = 0;
            long differing = 0;
            long? inconsistent = null;
            for (int block = 0; block < wanted.Length; block++)
            {
                if (wanted[block] == onChip[block])
                {
                    continue;
                }

                long at = address + ((long)block * blockSize);
                ReadOnlySpan<byte> want = expected.Span.Slice(block * blockSize, blockSize);
                var actual = new byte[blockSize];
                device.Flash.Read(at, actual);
                BlockRereader.Settle(device.Flash, at, want, actual);
                if (FlashVerifier.Difference(at, want, actual) is not VerifyFailedException found)
                {
                    inconsistent ??= device.BlockCrcs(at, blockSize)[0] == wanted[block] ? null : at;
                    continue;
                }

                differing += found.MismatchedBytes;
                if (first == null)
                {
                    first = found;
                    firstRead = actual;
                    firstBlock = at;
                }
            }

            if (first != null)
            {
                var counted = new VerifyFailedException(first.Address!.Value, first.Expected, first.Actual, differing);
                if (rounds == 0)
                {
                    return new VerifyFailedException(counted, counted.Message + " (Compared by the programmer's CRC-32 of each erase block, then the differing blocks read.)");
                }

                bool readAgrees = Crc32.HashToUInt32(firstRead) == device.BlockCrcs(firstBlock, blockSize)[0];
                return readAgrees ? FlashWriter.ChipRefused(counted, rounds) : counted;
            }

            if (inconsistent is not long block0)
            {
                return null;
            }

            return new VerifyFailedException(
                new VerifyFailedException(block0, 0, 0, 0),
                "Verify failed: the programmer's CRC-32 of the block at " + SpiNorCommands.Hex(block0) + " differs from the image's twice although a read of it over the link matches: "
                + "the chip reads back inconsistently (a weak cell, a marginal clip or supply). The chip may NOT be as intended: reseat the clip, then write again.")
            {
                Remedies = Remedy.None,
            };
        }

        private static WriteResult Result(WritePlan plan, long verified)
        {
            return new WriteResult
            {
                ErasesBySize = EraseTally.BySize(plan.Erases),
                ProgramsDone = plan.Programs.Count,
                BytesProgrammed = plan.BytesToProgram,
                ProgramsRetried = 0,
                BytesVerified = verified,
                Path = WritePath.DeviceSide,
            };
        }
    }
}
