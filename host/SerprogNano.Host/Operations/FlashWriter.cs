using System;
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
            for (int pass = 1; ; pass++)
            {
                try
                {
                    return WritePass(flash, address, image, options, pass) with { Passes = pass };
                }
                catch (VerifyFailedException) when (pass < MaxPasses)
                {
                    // Re-read and re-plan: the next round changes only what the verify found wrong.
                }
            }
        }

        private static WriteResult WritePass(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, WriteOptions options, int pass)
        {
            byte[] current = ReadBack(flash, address, image.Length, "read", options.Progress);
            var plan = WritePlan.Create(flash.Addressing.EraseBlocks, flash.ProgramUnit, address, current, image);
            if (plan.IsEmpty)
            {
                // The read just done compared every byte with the image: that is the verify.
                return Result(plan, 0, current.Length);
            }

            EnsureUnprotected(flash, options.ClearProtection);
            if (pass == 1 && options.BeforeChange != null)
            {
                // The backup is the only copy of the old contents: believe no byte of it that a second read does not confirm.
                // Cut into other O_SPIOPs than the first read: a fault that repeats with the framing cannot agree with itself.
                byte[] again = new byte[current.Length];
                MultiPassReader.ReadShifted(flash, address, again, 1, new PhaseProgress(options.Progress, "backup check", again.Length));
                BlockRereader.Settle(flash, address, again, current);
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
                FlashVerifier.ThrowIfDifferent(address, image.Span, ReadBackSettled(flash, address, image, "verify after repair", options.Progress));
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
            byte[] bytes = ReadBack(flash, address, image.Length, phase, progress);
            BlockRereader.Settle(flash, address, image.Span, bytes);
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
    }
}
