using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;

namespace SerprogNano.Host.Tests.Chips
{
    /// <summary>A hand-built SFDP address space: header, parameter headers, and tables at the pointers given.</summary>
    internal sealed class SfdpImage
    {
        private readonly List<(ushort Id, byte Major, byte Minor, int Pointer, uint[] Dwords)> tables = [];
        private readonly byte major;
        private readonly byte minor;

        public SfdpImage(byte major, byte minor)
        {
            this.major = major;
            this.minor = minor;
        }

        /// <summary>Adds a parameter header for a table at <paramref name="pointer"/> holding <paramref name="dwords"/>.</summary>
        public SfdpImage AddTable(ushort id, byte tableMajor, byte tableMinor, int pointer, params uint[] dwords)
        {
            tables.Add((id, tableMajor, tableMinor, pointer, dwords));
            return this;
        }

        public byte[] ToBytes()
        {
            int end = tables.Max(table => table.Pointer + (table.Dwords.Length * 4));
            byte[] image = new byte[end];
            "SFDP"u8.CopyTo(image);
            image[4] = minor;
            image[5] = major;
            image[6] = (byte)(tables.Count - 1);
            image[7] = 0xFF;
            for (int i = 0; i < tables.Count; i++)
            {
                (ushort id, byte tableMajor, byte tableMinor, int pointer, uint[] dwords) = tables[i];
                int header = 8 + (i * 8);
                image[header] = (byte)id;
                image[header + 1] = tableMinor;
                image[header + 2] = tableMajor;
                image[header + 3] = (byte)dwords.Length;
                image[header + 4] = (byte)pointer;
                image[header + 5] = (byte)(pointer >> 8);
                image[header + 6] = (byte)(pointer >> 16);
                image[header + 7] = (byte)(id >> 8);
                for (int d = 0; d < dwords.Length; d++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(pointer + (d * 4)), dwords[d]);
                }
            }

            return image;
        }

        /// <summary>RDSFDP over <paramref name="image"/>: a read past its end comes back short, as from a truncated table.</summary>
        public static Func<int, int, byte[]> Reader(byte[] image)
        {
            return (address, length) => image.Skip(address).Take(length).ToArray();
        }
    }
}
