namespace SerprogNano.Chips
{
    /// <summary>How a chip reaches addresses past 16 MiB, which 3-byte addresses cannot.</summary>
    public enum FourByteAddressing
    {
        /// <summary>16 MiB or smaller: 3-byte addresses cover the whole chip.</summary>
        None,

        /// <summary>EN4B (0xB7) switches the ordinary opcodes to 4-byte addresses; EX4B (0xE9) switches back.</summary>
        Enter4ByteMode,

        /// <summary>
        /// Dedicated opcodes (READ4 0x13, PP4 0x12, and each erase block's Opcode4Byte) take 4-byte addresses in any mode;
        /// an erase block type without an Opcode4Byte cannot be used past 16 MiB.
        /// </summary>
        FourByteOpcodes,
    }
}
