using System;
using System.Collections.Generic;
using SerprogNano.Chips.Protection;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.SpiNor.Protection;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// The one check between a planned change and the chip: a program or erase into a protected range is
    /// refused before anything changes (the chip would silently ignore it), unless the user asked for the
    /// protection to be lifted (--unprotect). SST25 parts that power up protected are unprotected without
    /// asking, as flashrom does.
    /// </summary>
    public static class ProtectionGuard
    {
        /// <summary>
        /// Checks (and, when allowed, lifts) protection over the byte ranges the change will program or erase;
        /// a status register write it makes is told to <paramref name="changed"/> ("SR1 0x9C -> 0x00").
        /// </summary>
        public static void Ensure(SpiNorFlash flash, IEnumerable<(long Start, long Length)> touched, bool clear, string operation, Action<string>? changed)
        {
            ArgumentNullException.ThrowIfNull(flash);
            ArgumentNullException.ThrowIfNull(touched);
            if (flash.Chip.UnprotectedBeforeChange && flash.ReadProtectionBits() != 0)
            {
                string cleared = flash.ClearProtection();
                changed?.Invoke("Cleared the power-up block protection: " + cleared + ".");
                return;
            }

            if (ChipWriteProtection.For(flash) is not ChipWriteProtection protection)
            {
                EnsureUnknownLayoutClear(flash, clear, operation, changed);
                return;
            }

            ProtectedRange range = protection.Read().Range;
            (long Start, long Length)? hit = FirstOverlap(range, touched);
            if (hit is not (long start, long length))
            {
                return;
            }

            if (!clear)
            {
                throw new SpiNorException(operation, start, "Nothing was changed: " + range.Span + " (" + range.Fraction(flash.Size) + ") of the chip is write-protected and the " + operation
                    + " would change " + SpiNorCommands.Hex(start) + "-" + SpiNorCommands.Hex(start + length - 1) + " there.")
                {
                    Remedies = new[] { Remedy.LiftProtection },
                };
            }

            WriteProtectChange lifted = protection.Apply(ProtectedRange.None, null);
            changed?.Invoke("Lifted the write protection, as asked: " + lifted.StatusRegisters + ".");
        }

        /// <summary>The plan's erases and programs as byte ranges.</summary>
        public static IEnumerable<(long Start, long Length)> Touched(WritePlan plan)
        {
            ArgumentNullException.ThrowIfNull(plan);
            foreach (EraseStep erase in plan.Erases)
            {
                yield return (erase.Address, erase.Block.Size);
            }

            foreach (PageWrite program in plan.Programs)
            {
                yield return (program.Address, program.Data.Length);
            }
        }

        private static (long Start, long Length)? FirstOverlap(ProtectedRange range, IEnumerable<(long Start, long Length)> touched)
        {
            foreach ((long start, long length) in touched)
            {
                if (range.Overlaps(start, length))
                {
                    return (start, length);
                }
            }

            return null;
        }

        /// <summary>Without a layout the range is unknown: any BP bit set stops the change, as before layouts existed.</summary>
        private static void EnsureUnknownLayoutClear(SpiNorFlash flash, bool clear, string operation, Action<string>? changed)
        {
            byte protection = flash.ReadProtectionBits();
            if (protection == 0)
            {
                return;
            }

            if (!clear)
            {
                throw new SpiNorException(operation, null, "Block protection is on (status register 1 protect bits 0x" + protection.ToString("X2") + "; protection layout unknown, so which range is not known): the chip would ignore the " + operation + ". Nothing was changed.")
                {
                    Remedies = new[] { Remedy.ClearProtection },
                };
            }

            string cleared = flash.ClearProtection();
            changed?.Invoke("Cleared the block protection, as asked: " + cleared + ".");
        }
    }
}
