namespace SerprogNano.Emulator.Chip
{
    /// <summary>How many address bytes follow an opcode.</summary>
    internal enum CommandAddressLength
    {
        None,
        ThreeBytes,
        FourBytes,

        /// <summary>3 bytes, or 4 while the part is in 4-byte mode.</summary>
        CurrentMode,
    }
}
