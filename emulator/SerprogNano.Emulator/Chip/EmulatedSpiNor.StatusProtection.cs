namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// Who may write the status registers: SRP (SRWD, SST's BPL) with the WP# pin low makes them read-only
    /// (flashrom's "hardware" mode), SRL makes them read-only until the next power cycle (and for good with SRP).
    /// </summary>
    public sealed partial class EmulatedSpiNor
    {
        /// <summary>The chip's WP# pin held low, as a mainboard strap or jumper does; read at every status write.</summary>
        public bool WriteProtectPinLow { get; set; }

        private bool StatusRegistersWritable()
        {
            bool locked = Model.StatusRegisterLock is SpiNorStatusBit srl && (_status[srl.Register - 1] & srl.Mask) != 0;
            bool hardware = WriteProtectPinLow && Model.StatusRegisterProtect is SpiNorStatusBit srp && (_status[srp.Register - 1] & srp.Mask) != 0;
            return !locked && !hardware;
        }
    }
}
