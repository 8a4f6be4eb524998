using System;
using System.Collections.Generic;
using SerprogNano.Chips.Protection;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.SpiNor.Protection
{
    /// <summary>
    /// flashrom's write-protect operations on one chip whose protection layout the database knows: read the
    /// range and mode, list the ranges the chip can protect, and set a range or mode, checked by reading the
    /// registers back.
    /// </summary>
    public sealed class ChipWriteProtection
    {
        private readonly SpiNorFlash _flash;

        private ChipWriteProtection(SpiNorFlash flash, WriteProtectLayout layout)
        {
            _flash = flash;
            Layout = layout;
        }

        public WriteProtectLayout Layout { get; }

        /// <summary>The chip's write protection, or null when the database does not know its protection layout.</summary>
        public static ChipWriteProtection? For(SpiNorFlash flash)
        {
            ArgumentNullException.ThrowIfNull(flash);
            return flash.Chip.WriteProtect is WriteProtectLayout layout ? new ChipWriteProtection(flash, layout) : null;
        }

        /// <summary>The protection as two status reads in a row agree on it.</summary>
        public WriteProtectState Read()
        {
            byte[] status = StatusRegisterWrite.ReadSettled(_flash);
            ProtectionBits bits = ProtectionBits.Read(Layout, status);
            return new WriteProtectState(status, bits, ProtectionRangeDecoder.Decode(Layout, bits, _flash.Size));
        }

        /// <summary>Every range this chip can protect, smallest first (flashrom's --wp-list).</summary>
        public IReadOnlyList<ProtectedRange> AvailableRanges()
        {
            var ranges = new List<ProtectedRange>();
            foreach ((ProtectedRange range, ProtectionBits _) in Chips.Protection.AvailableRanges.Of(Layout, Read().Bits, _flash.Size))
            {
                ranges.Add(range);
            }

            return ranges;
        }

        /// <summary>
        /// Sets the range (when given), then the mode (when given), as flashrom's wp_write_cfg does: each step
        /// writes the registers and reads them back. Only <see cref="WriteProtectMode.Disabled"/> and
        /// <see cref="WriteProtectMode.Hardware"/> can be set.
        /// </summary>
        public WriteProtectChange Apply(ProtectedRange? range, WriteProtectMode? mode)
        {
            WriteProtectState before = Read();
            ProtectionBits bits = before.Bits;
            if (range is ProtectedRange wanted)
            {
                bits = Chips.Protection.AvailableRanges.Find(Layout, bits, _flash.Size, wanted)
                    ?? throw new WriteProtectException("This chip cannot protect " + wanted.Describe(_flash.Size) + ". Nothing was changed.") { Remedies = new[] { Remedy.ListProtectionRanges } };
                Write(before, bits);
            }

            if (mode is WriteProtectMode wantedMode)
            {
                bits = wantedMode switch
                {
                    WriteProtectMode.Disabled => bits with { StatusRegisterProtect = false, StatusRegisterLock = false },
                    WriteProtectMode.Hardware when Layout.StatusRegisterProtect is not null => bits with { StatusRegisterProtect = true, StatusRegisterLock = false },
                    WriteProtectMode.Hardware => throw new WriteProtectException("This chip has no status register protect bit (SRP): hardware protection cannot be enabled."),
                    _ => throw new WriteProtectException("Only the disabled and hardware modes can be set (as in flashrom): power-cycle and permanent locks are not undone by anything."),
                };
                Write(Read(), bits);
            }

            return new WriteProtectChange(before, Read());
        }

        /// <summary>Only the layout's bits change; every other bit is sent as the settled read gave it.</summary>
        private void Write(WriteProtectState before, ProtectionBits bits)
        {
            byte[] wanted = (byte[])before.Status.Clone();
            bits.WriteTo(Layout, wanted);

            // Parts with protect bits in SR2 take SR1 and SR2 in one WRSR, so SR2 is never cleared by a one-byte write.
            StatusRegisterWrite.Write(_flash, before.Status, wanted, Layout.HighestRegister,
                "The protection wanted was " + bits.Describe(Layout) + ". " + Hint(before.Mode));
        }

        /// <summary>Why the registers may have refused the write, by the mode they were in (flashrom's notes).</summary>
        private static string Hint(WriteProtectMode mode) => mode switch
        {
            WriteProtectMode.Hardware => "Hardware status register protection is on (SRP=1): the chip's WP# pin must be high (inactive) to change the settings; on a mainboard that is a jumper, a strap or a pull-up to check.",
            WriteProtectMode.PowerCycle => "Power-cycle protection is on (SRL=1): power the chip off and on, then try again.",
            WriteProtectMode.Permanent => "Permanent protection is on (SRL=1, SRP=1): the chip's settings can no longer be changed.",
            _ => "Check the wiring (WP# and HOLD# high) and try again.",
        };
    }
}
