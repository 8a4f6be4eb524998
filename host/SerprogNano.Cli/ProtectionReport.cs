using SerprogNano.Chips.Protection;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.SpiNor.Protection;

namespace SerprogNano.Cli
{
    /// <summary>Tells the user about write protection before the chip is changed: the range and mode, and what --unprotect would do.</summary>
    public static class ProtectionReport
    {
        /// <returns>The protect bits set in status register 1 (0 when nothing is protected).</returns>
        public static byte Report(CommandContext context, SpiNorFlash flash, bool unprotect)
        {
            byte bits = flash.ReadProtectionBits();
            context.Result["protectBits"] = bits;
            if (flash.Chip.UnprotectedBeforeChange)
            {
                if (bits != 0)
                {
                    context.Say(flash.Chip.Name + " powers up with its block protection on (status bits 0x" + bits.ToString("X2") + "); clearing it before the change, as flashrom does (no flag needed).");
                }
                else
                {
                    context.Say("Block protection: none.");
                }

                return bits;
            }

            if (ChipWriteProtection.For(flash) is ChipWriteProtection protection)
            {
                WriteProtectState state = protection.Read();
                context.Result["writeProtect"] = WpJson.State(state, flash.Size);
                string range = state.Range.Length == 0 ? "none" : state.Range.Span + " (" + state.Range.Fraction(flash.Size) + ")";
                string text = "Write protection: " + range + ", mode " + WpJson.ModeName(state.Mode) + ".";
                if (state.Range.Length == 0)
                {
                    context.Say(text);
                }
                else if (unprotect)
                {
                    context.Say(text + " Lifting it if the change touches it, as asked (--unprotect).");
                }
                else
                {
                    context.Warn(text + " A change there is refused before anything is written. " + RemedyWords.Of(Remedy.LiftProtection));
                }

                return bits;
            }

            if (bits == 0)
            {
                context.Say("Block protection: none.");
            }
            else if (unprotect)
            {
                context.Say("Block protection: ON (status bits 0x" + bits.ToString("X2") + ", protection layout unknown); clearing it as asked (--unprotect).");
            }
            else
            {
                context.Warn("Block protection is ON (status bits 0x" + bits.ToString("X2") + ", protection layout unknown): the chip ignores writes to protected blocks. Add --unprotect to clear it.");
            }

            return bits;
        }
    }
}
