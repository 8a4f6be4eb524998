using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>The shape of one opcode on a given part: what it does, its address and dummy bytes.</summary>
    /// <param name="Register">Status register (1..3) for status reads and single-register writes; 0 means WRSR's sequence.</param>
    /// <param name="Erase">The erase it performs, for <see cref="SpiNorCommandKind.Erase"/>.</param>
    internal readonly record struct SpiNorCommand(
        SpiNorCommandKind Kind,
        CommandAddressLength Addressing = CommandAddressLength.None,
        int DummyBytes = 0,
        int Register = 0,
        EraseBlockType? Erase = null);
}
