namespace SerprogNano.Protocol
{
    /// <summary>Parameter of S_CS_MODE.</summary>
    public static class ChipSelectMode
    {
        /// <summary>Each O_SPIOP selects the chip for its duration (the default).</summary>
        public const byte Auto = 0;

        /// <summary>Chip select held asserted until the mode changes.</summary>
        public const byte Selected = 1;

        /// <summary>Chip select held deasserted until the mode changes.</summary>
        public const byte Deselected = 2;
    }
}
