using System;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>Bytes to program inside one page (or one AAI run on SST parts).</summary>
    public readonly record struct PageWrite(long Address, ReadOnlyMemory<byte> Data);
}
