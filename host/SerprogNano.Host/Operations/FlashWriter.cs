using System;
using System.Collections.Generic;
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
            var rounds = new Rounds();
            for (int pass = 1; ; pass++)
            {
                try
                {
                    return WritePass(flash, address, image, options, pass, rounds) with { Passes = pass };
                }
                catch (VerifyFailedException e)
                {
                    rounds.Failures.Add(e);
                    if (pass == MaxPasses)
                    {
                        throw Diagnose(rounds);
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

            return new VerifyFailedException(
                last,
                "Verify failed: the chip did not take the data at " + SpiNorCommands.Hex(last.Address!.Value) + " after " + rounds.Failures.Count + " rounds of erase, program and read-back, "
                + "though the reads there agree every time (the link is healthy): " + last.MismatchedBytes + " byte(s) still differ (expected 0x" + last.Expected.ToString("X2")
                + ", read 0x" + last.Actual.ToString("X2") + "). The chip is NOT as intended. A worn-out part, or one that protects that area, does this: "
                + "check WP# and the protection bits ('serprog info' shows the status registers), else replace the chip.");
        }

        private static WriteResult WritePass(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, WriteOptions options, int pass, Rounds rounds)
        {
            // Plan only from a settled read: a bit flipped on the way back would otherwise erase and
            // reprogram a block that already holds the image. Every block that differs from the image
            // is believed only when two reads of it agree, so the read also serves as the backup.
            byte[] current = ReadBackSettled(flash, address, image, "read", options.Progress);
            var plan = WritePlan.Create(flash.Addressing.EraseBlocks, flash.ProgramUnit, address, current, image);
            if (plan.IsEmpty)
            {
                // The read just done compared every byte with the image: that is the verify.
                return Result(plan, 0, current.Length);
            }

            EnsureUnprotected(flash, options.ClearProtection);
            if (pass == 1 && options.BeforeChange != null)
            {
                options.BeforeChange(current);
            }

            long retriedBefore = flash.ProgramsRetried;
            Execute(flash, plan, "", options.Progress);

            // A program the chip silently dropped (a word put one step early by SST AAI, a page it was
            // too busy to hear) shows in the read-back: one repair pass re-plans from what is there.
            byte[] readBack = ReadBackSettled(flash, address, image, "verify", options.Progress);
            bool repaired = !readBack.AsSpan().SequenceEqual(image.Span);
            if (repaired)
            {
                WritePlan repair = WritePlan.Create(flash.Addressing.EraseBlocks, flash.ProgramUnit, address, readBack, image);
                Execute(flash, repair, "repair ", options.Progress);
                byte[] final = ReadBackSettled(flash, address, image, "verify after repair", options.Progress, out int unconfirmed);
                rounds.LastReadAgreed = unconfirmed == 0;
                FlashVerifier.ThrowIfDifferent(address, image.Span, final);
            }

            return Result(plan, flash.ProgramsRetried - retriedBefore, image.Length) with { Repaired = repaired };
        }

        private static void Execute(SpiNorFlash flash, WritePlan plan, string phasePrefix, IProgress<OperationProgress>? progress)
        {
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
        private static byte[] ReadBackSettled(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, string phase, IProgress<OperationProgress>? progress)
        {
            return ReadBackSettled(flash, address, image, phase, progress, out _);
        }

        /// <param name="unconfirmed">Blocks differing from the image where no two reads agreed.</param>
        private static byte[] ReadBackSettled(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, string phase, IProgress<OperationProgress>? progress, out int unconfirmed)
        {
            byte[] bytes = ReadBack(flash, address, image.Length, phase, progress);
            BlockRereader.Settle(flash, address, image.Span, bytes, out unconfirmed);
            return bytes;
        }

        private static void EnsureUnprotected(SpiNorFlash flash, bool clear)
        {
            byte protection = flash.ReadProtectionBits();
            if (protection == 0)
            {
                return;
            }

            if (!clear)
            {
                throw new SpiNorException("write", null, "Block protection is on (status register 1 protect bits 0x" + protection.ToString("X2") + "): the chip would ignore the write. Nothing was changed. Ask for the protection to be cleared (--unprotect) if this is the right chip.");
            }

            flash.ClearProtection();
        }

        private static WriteResult Result(WritePlan plan, long retried, long verified)
        {
            return new WriteResult
            {
                ErasesBySize = EraseTally.BySize(plan.Erases),
                ProgramsDone = plan.Programs.Count,
                BytesProgrammed = plan.BytesToProgram,
                ProgramsRetried = retried,
                BytesVerified = verified,
            };
        }

        /// <summary>What the rounds of one write found: each round's verify failure, and whether the last read-back's doubtful blocks settled.</summary>
        private sealed class Rounds
        {
            public List<VerifyFailedException> Failures { get; } = new();

            public bool LastReadAgreed { get; set; } = true;
        }
    }
}
