using System;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>Writes an image the way that changes least: read, plan, erase, program, verify.</summary>
    public static class FlashWriter
    {
        /// <summary>
        /// Rounds of read, plan, write and verify: a verify that fails (a garbled command, a weak page)
        /// starts another round that rewrites only what still differs, before the user is told.
        /// </summary>
        public const int MaxPasses = 5;

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
            var current = new byte[image.Length];
            flash.Read(address, current, new PhaseProgress(options.Progress, "read", image.Length));
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
                var again = new byte[current.Length];
                flash.Read(address, again, new PhaseProgress(options.Progress, "backup check", current.Length));
                BlockRereader.Settle(flash, address, again, current);
                options.BeforeChange(current);
            }

            long retriedBefore = flash.ProgramsRetried;
            flash.EraseBlocks(plan.Erases, new PhaseProgress(options.Progress, "erase", plan.BytesToErase));
            flash.ProgramUnits(plan.Programs, new PhaseProgress(options.Progress, "program", plan.BytesToProgram));
            long verified = FlashVerifier.Verify(flash, address, image, options.Progress);
            return Result(plan, flash.ProgramsRetried - retriedBefore, verified);
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
