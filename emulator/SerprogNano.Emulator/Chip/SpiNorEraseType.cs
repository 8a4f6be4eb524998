using System;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>One block erase a part offers: the block it clears, its opcode(s) and how long it takes.</summary>
    /// <param name="Size">Bytes cleared, aligned to this size.</param>
    /// <param name="Opcode">Opcode taking an address of the current width (3 bytes, or 4 in 4-byte mode).</param>
    /// <param name="FourByteOpcode">Opcode that always takes 4 address bytes, if the part has one.</param>
    /// <param name="TypicalTime">Datasheet typical duration.</param>
    public sealed record SpiNorEraseType(int Size, byte Opcode, byte? FourByteOpcode, TimeSpan TypicalTime);
}
