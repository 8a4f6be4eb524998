using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>Writes an image the way that changes least: read, plan, erase, program, verify.</summary>
    public static class FlashWriter
    {
        /// <summary>
        /// Rounds of read, plan, write and verify: a final verify that fails (a garbled command, a weak page)
        /// starts another round that rewrites only what still differs, before the user is told.
        /// </summary>
        public const int MaxPasses = 3;

        public static WriteResult Write(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, WriteOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            options ??= new WriteOptions();
            DeviceSideFlash? device = DeviceSideFlash.For(flash);
            if (CrcFlashWriter.Applies(device, address, image.Length, options))
            {
                return CrcFlashWriter.Write(device!, address, image, options);
            }

            var rounds = new Rounds();
            for (int pass = 1; ; pass++)
            {
                try
                {
                    return WritePass(flash, address, image, options, pass, rounds) with { Passes = pass };
                }
                catch (VerifyFailedException e) when (!e.Conclusive)
                {
                    rounds.Failures.Add(e);
                    if (pass == MaxPasses)
                    {
                        throw OutsideRegions(Diagnose(rounds), rounds, options);
                    }

                    // Re-read and re-plan: the next round changes only what the verify found wrong.
                }
            }
        }

        /// <summary>
        /// Every round failing at the same address, with reads there that agree, is the chip refusing the
        /// data, not the link: wiring advice would send the user the wrong way.
        /// </summary>
        private static VerifyFailedException Diagnose(Rounds rounds)
        {
            VerifyFailedException last = rounds.Failures[^1];
            if (!rounds.LastReadAgreed || rounds.Failures.Exists(failure => failure.Address != last.Address))
            {
                return last;
            }

            return ChipRefused(last, rounds.Failures.Count);
        }

        /// <summary>With regions, the failure also names the erase blocks outside them that no longer hold what they held before the write, and how to get that back.</summary>
        private static VerifyFailedException OutsideRegions(VerifyFailedException failure, Rounds rounds, WriteOptions options)
        {
            if (rounds.Keeper == null || rounds.LastRead == null)
            {
                return failure;
            }

            List<(int Start, int End)> changed = rounds.Keeper.ChangedOutside(rounds.LastRead);
            if (changed.Count == 0)
            {
                return failure;
            }

            string restore = options.BeforeChange != null && options.OldContentsNeeded
                ? "Restore them from the backup saved before this write: write it back whole, then run this region write again."
                : "This write saved no backup: restore them from a dump of the chip taken before it (write it back whole), then run this region write again; "
                    + "do not run it again first, as it would take the damaged blocks for the chip's contents.";
            return new VerifyFailedException(failure, failure.Message + " Outside the regions written, " + changed.Count + " erase block(s) no longer hold what the chip held before the write: "
                + rounds.Keeper.Name(changed) + ". " + restore)
            {
                Remedies = new[] { Remedy.WriteBackWithoutBackup }.Concat(failure.Remedies).ToArray(),
            };
        }

        /// <summary>The verify failure of the last round, blamed on the chip: every round failed there while the reads agreed.</summary>
        internal static VerifyFailedException ChipRefused(VerifyFailedException last, int rounds)
        {
            return new VerifyFailedException(
                last,
                "Verify failed: the chip did not take the data at " + SpiNorCommands.Hex(last.Address!.Value) + " after " + rounds + " rounds of erase, program and read-back, "
                + "though the reads there agree every time (the link is healthy): " + last.MismatchedBytes + " byte(s) still differ (expected 0x" + last.Expected.ToString("X2")
                + ", read 0x" + last.Actual.ToString("X2") + "). The chip is NOT as intended. A worn-out part, or one that protects that area, does this: "
                + "check WP# and the protection bits, else replace the chip.")
            {
                Remedies = new[] { Remedy.ShowStatusRegisters },
            };
        }

        private static WriteResult WritePass(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, WriteOptions options, int pass, Rounds rounds)
        {
            // Plan only from a settled read: a bit flipped on the way back would otherwise erase and
            // reprogram a block that already holds the image. A backup and the bytes kept outside regions are
            // read as TrustedRead says; otherwise only blocks a few flips away from the image are read again,
            // as the verify catches the rest.
            // After the first round, with regions, the chip is compared with what it must hold, not with the image.
            bool backup = pass == 1 && options.BeforeChange != null && options.OldContentsNeeded;
            byte[] current;
            if (pass == 1 && (backup || options.Regions != null))
            {
                current = TrustedRead.Read(flash, address, image, options.Progress);
                rounds.Keeper = RegionKeeper.For(address, current, options, flash.Addressing.EraseBlocks.Min(block => block.Size));
            }
            else
            {
                ReadOnlyMemory<byte> expected = rounds.Keeper?.Target(image.Span) ?? image;
                current = ReadBackSettled(flash, address, expected, "read", options.Progress, null, out _, nearMissesOnly: options.Regions == null);
            }

            WritePlan plan = Plan(flash, address, current, image, rounds.Keeper, confirm: pass == 1);
            ReadOnlyMemory<byte> target = rounds.Keeper?.Target(image.Span) ?? image;
            if (plan.IsEmpty)
            {
                // The read just done compared every byte with the image: that is the verify.
                rounds.Keeper?.ThrowIfOnlyUnexplainedChanges(target.Span, current);
                return Result(flash, plan, 0, current.Length);
            }

            ProtectionGuard.Ensure(flash, ProtectionGuard.Touched(plan), options.ClearProtection, "write", options.StatusRegistersChanged);
            if (pass == 1 && options.BeforeChange != null)
            {
                options.BeforeChange(current);
            }

            long retriedBefore = flash.ProgramsRetried;
            options.Planned?.Invoke(plan);
            rounds.Keeper?.Touch(plan);
            Execute(flash, plan, "", options.Progress);

            // A program the chip silently dropped (a word put one step early by SST AAI, a page it was
            // too busy to hear) or an erase a flipped address bit sent elsewhere shows in the read-back:
            // one repair pass re-plans from what is there to what must be there.
            Check check = CheckedSpans(flash, address, target, options, WritePhase.DeviceVerify, plan);
            byte[] readBack = ReadBackSettled(flash, address, target, "verify", options.Progress, check.Read, out int unconfirmed);
            bool repaired = false;
            if (!readBack.AsSpan().SequenceEqual(target.Span))
            {
                byte[] final = readBack;
                WritePlan repair = Plan(flash, address, readBack, image, rounds.Keeper, confirm: false);
                if (!repair.IsEmpty)
                {
                    repaired = true;
                    options.Planned?.Invoke(repair);
                    rounds.Keeper?.Touch(repair);
                    Execute(flash, repair, WritePhase.RepairPrefix, options.Progress);
                    check = CheckedSpans(flash, address, target, options, WritePhase.DeviceVerifyAfterRepair, plan, repair);
                    final = ReadBackSettled(flash, address, target, "verify after repair", options.Progress, check.Read, out unconfirmed);
                }

                rounds.LastReadAgreed = unconfirmed == 0;
                rounds.LastRead = final;
                rounds.Keeper?.ThrowIfOnlyUnexplainedChanges(target.Span, final);
                FlashVerifier.ThrowIfDifferent(address, target.Span, final);
            }

            return Result(flash, plan, flash.ProgramsRetried - retriedBefore, check.Compared) with { Repaired = repaired };
        }

        /// <summary>
        /// The plan from <paramref name="read"/> to the image; with regions, to the image inside them and the chip before the
        /// write outside. Before the first change (<paramref name="confirm"/>) the bytes outside that share an erase block with
        /// a region are confirmed by a second read first (re-planned if it corrects them); later, the first read stands.
        /// </summary>
        private static WritePlan Plan(SpiNorFlash flash, long address, byte[] read, ReadOnlyMemory<byte> image, RegionKeeper? keeper, bool confirm)
        {
            while (true)
            {
                ReadOnlyMemory<byte> target = keeper?.Target(image.Span) ?? image;
                var plan = WritePlan.Create(flash.Addressing.EraseBlocks, flash.ProgramUnit, address, keeper?.WithoutUnexplainedChanges(read) ?? read, target);
                if (keeper == null || !confirm || keeper.Confirm(flash, plan, read))
                {
                    return plan;
                }
            }
        }

        /// <summary>
        /// What the read-back after writing covers and compares. Without regions, or with them and the full check, everything
        /// is read; with regions on a programmer that checksums the chip, the whole range is compared by its CRC-32 per erase
        /// block and only the blocks that differ are read (an erase sent elsewhere by a flipped address bit shows either way).
        /// With regions and no full check (-N) on another programmer, only the regions and every erase block the plans
        /// rewrote (it held bytes from outside them too) are read.
        /// </summary>
        /// <param name="crcPhase">What progress calls the compare by CRC, where the programmer makes one.</param>
        private static Check CheckedSpans(SpiNorFlash flash, long address, ReadOnlyMemory<byte> target, WriteOptions options, string crcPhase, params WritePlan[] plans)
        {
            int length = target.Length;
            if (options.Regions == null)
            {
                return new Check(null, length);
            }

            DeviceSideFlash? device = DeviceSideFlash.For(flash);
            if (device != null && address % device.BlockSize == 0 && length % device.BlockSize == 0)
            {
                int blockSize = device.BlockSize;
                uint[] wanted = CrcFlashWriter.LocalCrcs(target.Span, blockSize);
                uint[] onChip = device.BlockCrcs(address, length, new PhaseProgress(options.Progress, crcPhase, length));
                IEnumerable<ChipRange> differing = Enumerable.Range(0, wanted.Length).Where(block => wanted[block] != onChip[block])
                    .Select(block => new ChipRange(address + ((long)block * blockSize), blockSize));
                return new Check(Clip(differing, address, length), length);
            }

            if (options.VerifyAll)
            {
                return new Check(null, length);
            }

            IEnumerable<ChipRange> touched = options.Regions.Select(r => new ChipRange(r.Start, r.Size))
                .Concat(plans.SelectMany(plan => plan.Erases).Select(erase => new ChipRange(erase.Address, erase.Block.Size)));
            List<ChipRange> spans = Clip(touched, address, length);
            return new Check(spans, Length(spans, length));
        }

        /// <summary>The spans cut to [address, address + length), sorted and joined where they touch.</summary>
        private static List<ChipRange> Clip(IEnumerable<ChipRange> spans, long address, long length)
        {
            var joined = new List<ChipRange>();
            foreach (ChipRange span in spans.OrderBy(s => s.Start))
            {
                long start = Math.Max(span.Start, address);
                long end = Math.Min(span.Start + span.Length, address + length);
                if (end <= start)
                {
                    continue;
                }

                if (joined.Count > 0 && joined[^1].Start + joined[^1].Length >= start)
                {
                    ChipRange last = joined[^1];
                    joined[^1] = last with { Length = Math.Max(last.Start + last.Length, end) - last.Start };
                }
                else
                {
                    joined.Add(new ChipRange(start, end - start));
                }
            }

            return joined;
        }

        private static long Length(List<ChipRange>? spans, long whole) => spans == null ? whole : spans.Sum(span => span.Length);

        /// <summary>
        /// Erases, then programs. On a programmer that waits on its own side, each one is waited for there, in runs (a round
        /// trip per status poll would cost more than the page), and block by block, so that pages cross the link while the chip
        /// erases. The read-back or the CRC verify after it finds any the link damaged.
        /// </summary>
        internal static void Execute(SpiNorFlash flash, WritePlan plan, string phasePrefix, IProgress<OperationProgress>? progress)
        {
            if (DeviceSideFlash.For(flash) is DeviceSideFlash device)
            {
                device.EraseAndProgram(plan.Erases, plan.Programs, new PhaseProgress(progress, phasePrefix + WritePhase.EraseAndProgram, PlanStep.ChangedBytes(plan.Erases, plan.Programs)));
                return;
            }

            flash.EraseBlocks(plan.Erases, new PhaseProgress(progress, phasePrefix + "erase", plan.BytesToErase));
            flash.ProgramUnits(plan.Programs, new PhaseProgress(progress, phasePrefix + "program", plan.BytesToProgram));
        }

        private static byte[] ReadBack(SpiNorFlash flash, long address, int length, string phase, IProgress<OperationProgress>? progress)
        {
            var bytes = new byte[length];
            flash.Read(address, bytes, new PhaseProgress(progress, phase, length));
            return bytes;
        }

        /// <summary>A read-back whose blocks that differ from the image were read again: a bit flipped on the link is not a failed write.</summary>
        /// <param name="spans">The parts to read (null: all); the rest of the result is <paramref name="image"/> itself.</param>
        /// <param name="unconfirmed">Blocks differing from the image where no two reads agreed.</param>
        /// <param name="nearMissesOnly">Read again only blocks a few flips from the image (see <see cref="BlockRereader.Settle(SpiNorFlash, long, ReadOnlySpan{byte}, Span{byte}, out int, IProgress{OperationProgress}?, bool, int, int, ReadNoise?)"/>).</param>
        private static byte[] ReadBackSettled(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, string phase, IProgress<OperationProgress>? progress, List<ChipRange>? spans, out int unconfirmed, bool nearMissesOnly = false)
        {
            if (spans == null)
            {
                byte[] bytes = ReadBack(flash, address, image.Length, phase, progress);
                BlockRereader.Settle(flash, address, image.Span, bytes, out unconfirmed, progress, nearMissesOnly);
                return bytes;
            }

            byte[] result = image.ToArray();
            var phaseProgress = new PhaseProgress(progress, phase, Length(spans, 0));
            long done = 0;
            unconfirmed = 0;
            foreach (ChipRange span in spans)
            {
                int offset = (int)(span.Start - address);
                Memory<byte> part = result.AsMemory(offset, (int)span.Length);
                flash.Read(span.Start, part, new OffsetProgress(phaseProgress, done));
                done += span.Length;
                BlockRereader.Settle(flash, span.Start, image.Span.Slice(offset, (int)span.Length), part.Span, out int missed, progress);
                unconfirmed += missed;
            }

            return result;
        }

        private static WriteResult Result(SpiNorFlash flash, WritePlan plan, long retried, long verified)
        {
            return new WriteResult
            {
                Path = DeviceSideFlash.For(flash) == null ? WritePath.Transactions : WritePath.DeviceSide,
                ErasesBySize = EraseTally.BySize(plan.Erases),
                ProgramsDone = plan.Programs.Count,
                BytesProgrammed = plan.BytesToProgram,
                ProgramsRetried = retried,
                BytesVerified = verified,
            };
        }

        /// <summary>A chip range: first byte and length.</summary>
        private readonly record struct ChipRange(long Start, long Length);

        /// <summary>The spans a read-back reads (null: all) and the bytes it compares with what the chip must hold.</summary>
        private readonly record struct Check(List<ChipRange>? Read, long Compared);

        /// <summary>What the rounds of one write found: each round's verify failure, and whether the last read-back's doubtful blocks settled.</summary>
        private sealed class Rounds
        {
            public List<VerifyFailedException> Failures { get; } = new();

            public bool LastReadAgreed { get; set; } = true;

            /// <summary>With regions: the chip before the first change, what the rest must hold over every round.</summary>
            public RegionKeeper? Keeper { get; set; }

            /// <summary>The last round's final read-back, where it got that far.</summary>
            public byte[]? LastRead { get; set; }
        }
    }
}
