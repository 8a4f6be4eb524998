using System;
using System.Numerics;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>What programming does to NOR cells: it can only pull bits to 0, so each byte becomes old AND new.</summary>
    internal static class NorCells
    {
        public static void Program(Span<byte> cells, ReadOnlySpan<byte> data)
        {
            int i = 0;
            int width = Vector<byte>.Count;
            for (; i <= cells.Length - width; i += width)
            {
                (new Vector<byte>(cells[i..]) & new Vector<byte>(data[i..])).CopyTo(cells[i..]);
            }

            for (; i < cells.Length; i++)
            {
                cells[i] &= data[i];
            }
        }
    }
}
