namespace SerprogNano.Host.Operations
{
    /// <summary>Which way a write or verify went, for --verbose and --json.</summary>
    public enum WritePath
    {
        /// <summary>Plain SPI transactions (serprog v1, linux_spi): every byte compared crosses the link.</summary>
        Transactions,

        /// <summary>The programmer's device-side CRC-32 and status waits (the SerprogNano extensions).</summary>
        DeviceSide,
    }
}
