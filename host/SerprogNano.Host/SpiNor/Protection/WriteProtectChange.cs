namespace SerprogNano.Host.SpiNor.Protection
{
    /// <summary>The protection before and after a change, each from settled status reads.</summary>
    public sealed record WriteProtectChange(WriteProtectState Before, WriteProtectState After)
    {
        /// <summary>"SR1 0x9C -> 0x80, SR2 0x02 (unchanged)": every register, for the user.</summary>
        public string StatusRegisters => StatusRegisterWrite.Describe(Before.Status, After.Status);
    }
}
