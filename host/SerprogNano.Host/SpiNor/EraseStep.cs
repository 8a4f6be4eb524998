using SerprogNano.Chips;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>One block erase: the block type and its aligned start address.</summary>
    public readonly record struct EraseStep(EraseBlockType Block, long Address);
}
