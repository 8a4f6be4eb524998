namespace SerprogNano.Protocol
{
    /// <summary>Parameter of S_SPI_MODE.</summary>
    public static class SpiMode
    {
        /// <summary>O_SPIOP sends slen bytes, then clocks in rlen bytes (the default).</summary>
        public const byte HalfDuplex = 0;

        /// <summary>O_SPIOP clocks slen bytes out and as many in at the same time; rlen must equal slen.</summary>
        public const byte FullDuplex = 1;
    }
}
