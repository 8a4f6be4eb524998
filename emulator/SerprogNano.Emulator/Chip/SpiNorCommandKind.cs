namespace SerprogNano.Emulator.Chip
{
    /// <summary>What an opcode makes the chip do, independent of its exact opcode byte.</summary>
    internal enum SpiNorCommandKind
    {
        Unknown,
        ReadJedecId,
        ReadManufacturerDeviceId,
        ReadSignature,
        ReadSfdp,
        ReadStatus,
        WriteStatus,
        WriteEnable,
        WriteDisable,
        EnableWriteStatus,
        ReadArray,
        PageProgram,
        ByteProgram,
        AaiWordProgram,
        Erase,
        ChipErase,
        Enter4ByteMode,
        Exit4ByteMode,
    }
}
