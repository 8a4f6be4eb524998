using System;

namespace SerprogNano.Chips
{
    /// <summary>One erase granularity of a chip: every aligned block of Size bytes can be erased with Opcode.</summary>
    /// <param name="Size">Block size in bytes, a power of two.</param>
    /// <param name="Opcode">Erase opcode taking a 3-byte address (or a 4-byte one in 4-byte mode).</param>
    /// <param name="Opcode4Byte">Erase opcode that always takes a 4-byte address, on chips that have one.</param>
    /// <param name="TypicalTime">Datasheet typical busy time of one block erase.</param>
    /// <param name="MaxTime">Datasheet maximum busy time, the time-out for WIP polling.</param>
    public sealed record EraseBlockType(int Size, byte Opcode, byte? Opcode4Byte, TimeSpan TypicalTime, TimeSpan MaxTime);
}
