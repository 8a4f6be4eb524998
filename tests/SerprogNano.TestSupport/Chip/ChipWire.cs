using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.TestSupport
{
    /// <summary>Drives a chip the way an SPI master does (or a board's firmware, setting a test's starting state): one command per chip-select cycle.</summary>
    public static class ChipWire
    {
        /// <summary>One CS cycle: clocks <paramref name="mosi"/>, then <paramref name="readLength"/> bytes of 0xFF; returns what MISO gave during those.</summary>
        public static byte[] Command(ISpiTarget chip, byte[] mosi, int readLength = 0)
        {
            byte[] miso = Transfer(chip, Concat(mosi, Filled(readLength, 0xFF)));
            return miso[mosi.Length..];
        }

        /// <summary>One CS cycle in one exchange; returns every MISO byte.</summary>
        public static byte[] Transfer(ISpiTarget chip, byte[] mosi)
        {
            var miso = new byte[mosi.Length];
            chip.Select();
            chip.Exchange(mosi, miso);
            chip.Deselect();
            return miso;
        }

        public static byte Status(ISpiTarget chip, byte opcode = SpiNorOpcodes.ReadStatus) => Command(chip, new[] { opcode }, 1)[0];

        public static void WriteEnable(ISpiTarget chip) => Command(chip, new[] { SpiNorOpcodes.WriteEnable });

        public static byte[] Read(ISpiTarget chip, int address, int length) => Command(chip, Op(SpiNorOpcodes.Read, address), length);

        public static void PageProgram(ISpiTarget chip, int address, byte[] data)
        {
            WriteEnable(chip);
            Command(chip, Concat(Op(SpiNorOpcodes.PageProgram, address), data));
        }

        public static void Erase(ISpiTarget chip, byte opcode, int address)
        {
            WriteEnable(chip);
            Command(chip, Op(opcode, address));
        }

        public static void WriteStatus(ISpiTarget chip, params byte[] values)
        {
            WriteEnable(chip);
            Command(chip, Concat(new[] { SpiNorOpcodes.WriteStatus }, values));
        }

        /// <summary>Opcode followed by a big-endian address of <paramref name="addressBytes"/> bytes.</summary>
        public static byte[] Op(byte opcode, int address, int addressBytes = 3)
        {
            var bytes = new byte[1 + addressBytes];
            bytes[0] = opcode;
            for (int i = 0; i < addressBytes; i++)
            {
                bytes[addressBytes - i] = (byte)(address >> (8 * i));
            }

            return bytes;
        }

        public static byte[] Concat(byte[] first, byte[] second)
        {
            var all = new byte[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            return all;
        }

        public static byte[] Filled(int length, byte value)
        {
            var bytes = new byte[length];
            Array.Fill(bytes, value);
            return bytes;
        }

        /// <summary>Bytes that differ from their neighbours, so misplaced data shows.</summary>
        public static byte[] Pattern(int length, int seed = 0)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)((i * 7) + seed + 1);
            }

            return bytes;
        }
    }
}
