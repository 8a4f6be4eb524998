namespace SerprogNano.Chips.Protection
{
    /// <summary>How a part's BP/TB/SEC/CMP bits map to a protected range: flashrom's decode_range functions.</summary>
    public enum WriteProtectDecoding
    {
        /// <summary>decode_range_spi25: BP = n protects 2^(n-1) blocks (64 KiB, larger on big chips so the top BP value below "all" covers half), 4 KiB sectors with SEC; CMP complements.</summary>
        Spi25,

        /// <summary>decode_range_spi25_bit_cmp (Macronix, the datasheet's BP3 acting as CMP): CMP also inverts the BP value before decoding.</summary>
        Spi25BitCmp,
    }
}
