using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace SerprogNano.TestSupport
{
    /// <summary>An FMAP written byte by byte from coreboot's fmap_serialized.h, on its own literal offsets.</summary>
    public sealed class FmapImage
    {
        private readonly List<(uint Offset, uint Size, string Name, ushort Flags)> areas = [];

        public byte Major { get; set; } = 1;

        public byte Minor { get; set; } = 1;

        public ulong Base { get; set; }

        public uint Size { get; set; } = 8 << 20;

        public string Name { get; set; } = "FLASH";

        /// <summary>nareas as written; by default the number of areas added.</summary>
        public int? AreaCount { get; set; }

        public FmapImage Area(uint offset, uint size, string name, ushort flags = 0)
        {
            areas.Add((offset, size, name, flags));
            return this;
        }

        public byte[] ToBytes()
        {
            byte[] map = new byte[56 + (areas.Count * 42)];
            Encoding.ASCII.GetBytes("__FMAP__").CopyTo(map, 0);
            map[8] = Major;
            map[9] = Minor;
            BinaryPrimitives.WriteUInt64LittleEndian(map.AsSpan(10), Base);
            BinaryPrimitives.WriteUInt32LittleEndian(map.AsSpan(18), Size);
            Encoding.ASCII.GetBytes(Name).CopyTo(map, 22);
            BinaryPrimitives.WriteUInt16LittleEndian(map.AsSpan(54), (ushort)(AreaCount ?? areas.Count));
            for (int i = 0; i < areas.Count; i++)
            {
                int at = 56 + (i * 42);
                BinaryPrimitives.WriteUInt32LittleEndian(map.AsSpan(at), areas[i].Offset);
                BinaryPrimitives.WriteUInt32LittleEndian(map.AsSpan(at + 4), areas[i].Size);
                Encoding.ASCII.GetBytes(areas[i].Name).CopyTo(map, at + 8);
                BinaryPrimitives.WriteUInt16LittleEndian(map.AsSpan(at + 40), areas[i].Flags);
            }

            return map;
        }

        /// <summary>A chip of <paramref name="chipSize"/> bytes of 0xFF with the map copied to <paramref name="location"/>.</summary>
        public byte[] OnChip(int chipSize, int location)
        {
            byte[] chip = new byte[chipSize];
            chip.AsSpan().Fill(0xFF);
            PlaceAt(chip, location);
            return chip;
        }

        public void PlaceAt(byte[] chip, int location) => ToBytes().CopyTo(chip, location);
    }
}
