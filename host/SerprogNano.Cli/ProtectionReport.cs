using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli
{
    /// <summary>Tells the user about block protection before the chip is changed, and what --unprotect would do.</summary>
    public static class ProtectionReport
    {
        /// <returns>The protect bits set (0 when nothing is protected).</returns>
        public static byte Report(CommandContext context, SpiNorFlash flash, bool unprotect)
        {
            byte bits = flash.ReadProtectionBits();
            context.Result["protectBits"] = bits;
            if (bits == 0)
            {
                context.Say("Block protection: none.");
            }
            else if (unprotect)
            {
                context.Say("Block protection: ON (status bits 0x" + bits.ToString("X2") + "); clearing it as asked (--unprotect).");
            }
            else
            {
                context.Warn("Block protection is ON (status bits 0x" + bits.ToString("X2") + "): the chip ignores writes to protected blocks. Add --unprotect to clear it.");
            }

            return bits;
        }
    }
}
