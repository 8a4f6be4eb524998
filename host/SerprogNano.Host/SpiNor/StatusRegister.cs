namespace SerprogNano.Host.SpiNor
{
    /// <summary>Bits of status register 1 every 25xx part shares.</summary>
    public static class StatusRegister
    {
        /// <summary>Write in progress: a program, erase or status write is running.</summary>
        public const byte Busy = 0x01;

        /// <summary>Write enable latch: set by WREN, cleared when the write ends.</summary>
        public const byte WriteEnableLatch = 0x02;

        /// <summary>Block-protect bits BP0..BP3 plus TB/SEC on most parts; the chip's own mask says which exist.</summary>
        public const byte DefaultProtectMask = 0x7C;
    }
}
