using System;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>Writes an image the way that changes least: read, plan, erase, program, verify.</summary>
    public static class FlashWriter
    {
        public static WriteResult Write(SpiNorFlash flash, long address, ReadOnlyMemory<byte> image, WriteOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(flash);
            options ??= new WriteOptions();
            var current = new byte[image.Length];
            flash.Read(address, current, new PhaseProgress(options.Progress, "read", image.Length));
            var plan = WritePlan.Create(flash.Addressing.EraseBlocks, flash.ProgramUnit, address, current, image);
            if (plan.IsEmpty)
            {
                // The read just done compared every byte with the image: that is the verify.
                return Result(plan, 0, current.Length);
            }

            EnsureUnprotected(flash, options.ClearProtection);
            options.BeforeChange?.Invoke(current);
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
