namespace SerprogNano.Chips
{
    /// <summary>
    /// Status register bits by register (1: RDSR 0x05, 2: RDSR2 0x35, 3: RDSR3 0x15) where 25xx parts agree,
    /// and the vendor variants code names. Which block-protect bits a part has is its chips.json entry's.
    /// </summary>
    public static class SpiNorStatusBits
    {
        /// <summary>Register 1 bit 0, WIP: a program, erase or status write is running.</summary>
        public const byte WriteInProgress = 0x01;

        /// <summary>Register 1 bit 1, WEL: set by WREN, cleared when the write ends.</summary>
        public const byte WriteEnableLatch = 0x02;

        /// <summary>Register 1 bits 2-4, BP0..BP2: the block-protect bits every 25xx part has; all set protect the whole array on most.</summary>
        public const byte BlockProtect0To2 = 0x1C;

        /// <summary>Register 1 bit 6 on SST parts: set while an AAI sequence is open.</summary>
        public const byte SstAaiActive = 0x40;

        /// <summary>Register 1 bit 7, SRP0 / SRWD: with /WP low, the status registers are locked.</summary>
        public const byte StatusRegisterProtect0 = 0x80;

        /// <summary>Register 2 bit 6 (Winbond, GigaDevice), CMP: inverts the protected range.</summary>
        public static SpiNorStatusBit Complement { get; } = new(2, 0x40);

        /// <summary>Register 3 bit 0 (Winbond W25Q256), ADS: the part is in 4-byte address mode.</summary>
        public static SpiNorStatusBit WinbondAddressMode { get; } = new(3, 0x01);

        /// <summary>Configuration register (read by 0x15) bit 5 (Macronix), 4BYTE: the part is in 4-byte address mode.</summary>
        public static SpiNorStatusBit MacronixAddressMode { get; } = new(3, 0x20);
    }
}
