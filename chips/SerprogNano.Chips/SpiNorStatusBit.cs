namespace SerprogNano.Chips
{
    /// <summary>A bit in one of the status registers, numbered as their read opcodes are (1: 0x05, 2: 0x35, 3: 0x15).</summary>
    public readonly record struct SpiNorStatusBit(int Register, byte Mask);
}
