using System.Collections.Generic;

namespace SerprogNano.Chips
{
    /// <summary>
    /// An erase opcode whose block size changes along the chip (boot sectors: 4, 8, 16 and 32 KiB at one end,
    /// 64 KiB elsewhere); the regions, from address 0 on, tile the chip. The host erases only uniform blocks.
    /// </summary>
    public sealed record NonUniformEraseType(byte Opcode, IReadOnlyList<EraseRegion> Regions);
}
