using System;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>A device on the far side of an SPI bus, seen as the wires see it.</summary>
    public interface ISpiTarget
    {
        /// <summary>Chip select falls: a new command begins.</summary>
        void Select();

        /// <summary>Chip select rises: the command ends (a program or erase starts here, as on silicon).</summary>
        void Deselect();

        /// <summary>Clocks <c>mosi.Length</c> bytes; the chip's answer lands in <paramref name="miso"/> (same length).</summary>
        void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso);
    }
}
