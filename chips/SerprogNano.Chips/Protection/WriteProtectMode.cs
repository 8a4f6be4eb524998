namespace SerprogNano.Chips.Protection
{
    /// <summary>How the status registers themselves are protected (flashrom's wp mode, from SRL and SRP).</summary>
    public enum WriteProtectMode
    {
        /// <summary>SRL=0, SRP=0: the registers (and so the range) can be written.</summary>
        Disabled,

        /// <summary>SRL=0, SRP=1: the registers are read-only while the chip's WP# pin is low.</summary>
        Hardware,

        /// <summary>SRL=1, SRP=0: read-only until the chip is powered off and on.</summary>
        PowerCycle,

        /// <summary>SRL=1, SRP=1: read-only for good.</summary>
        Permanent,
    }
}
