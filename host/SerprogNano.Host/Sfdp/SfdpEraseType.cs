using System;

namespace SerprogNano.Host.Sfdp
{
    /// <summary>An erase type from BFPT DWORDs 8-9, with its busy times from DWORD 10 when the table has one (JESD216A and later).</summary>
    public sealed record SfdpEraseType(int Size, byte Opcode, TimeSpan? TypicalTime, TimeSpan? MaxTime);
}
