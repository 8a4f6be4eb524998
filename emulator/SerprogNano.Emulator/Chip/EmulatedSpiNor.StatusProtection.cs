using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// Who may write the status registers: SRP (SRWD, SST's BPL) with the WP# pin low makes them read-only
    /// (flashrom's "hardware" mode), SRL makes them read-only until the next power cycle (and for good with SRP);
    /// one-time lock bits (LB1-LB3), once written as 1, stay 1 through every write and power cycle.
    /// Where those bits are comes from the part's chips.json write-protect layout; SRP is bit 7 of register 1
    /// on every modelled part without one.
    /// </summary>
    public sealed partial class EmulatedSpiNor
    {
        private static readonly SpiNorStatusBit DefaultStatusRegisterProtect = new(1, SpiNorStatusBits.StatusRegisterProtect0);

        /// <summary>The chip's WP# pin held low, as a mainboard strap or jumper does; read at every status write.</summary>
        public bool WriteProtectPinLow { get; set; }

        private bool StatusRegistersWritable()
        {
            SpiNorStatusBit srp = Model.Chip.WriteProtect?.StatusRegisterProtect ?? DefaultStatusRegisterProtect;
            bool locked = Model.Chip.WriteProtect?.StatusRegisterLock is SpiNorStatusBit srl && IsSet(srl);
            return !locked && !(WriteProtectPinLow && IsSet(srp));
        }

        private bool IsSet(SpiNorStatusBit bit) => (_status[bit.Register - 1] & bit.Mask) != 0;

        /// <summary>The one-time lock bits of <paramref name="register"/> (1..3) in the part's chips.json layout (Winbond's LB1-LB3).</summary>
        private byte OneTimeMask(int register)
        {
            byte mask = 0;
            foreach (SpiNorStatusBit bit in Model.Chip.WriteProtect?.OneTimeLocks ?? [])
            {
                mask |= bit.Register == register ? bit.Mask : (byte)0;
            }

            return mask;
        }
    }
}
