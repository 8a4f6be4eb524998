using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;
using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// The JESD216B SFDP space a part serves through 0x5A: the SFDP header, parameter headers, a 16-DWORD
    /// Basic Flash Parameter Table built from the model and, on parts over 16 MiB, the 4-Byte Address
    /// Instruction Table. Only single-line (1-1-1) transfers are advertised, since that is all the
    /// emulator speaks.
    /// </summary>
    public static class SfdpTable
    {
        /// <summary>Bytes of SFDP address space; reads past the tables return 0xFF.</summary>
        public const int SpaceSize = 256;

        public const int BasicTableOffset = 0x30;

        public const int BasicTableDwords = 16;

        public const int FourByteTableOffset = BasicTableOffset + (4 * BasicTableDwords);

        private const byte JedecRevisionMajor = 1;
        private const byte JedecRevisionMinorB = 6;
        private const ushort BasicTableId = 0xFF00;
        private const ushort FourByteTableId = 0xFF84;

        // DWORD1 fields.
        private const uint Uniform4KErase = 0b01;
        private const uint No4KErase = 0b11;
        private const uint WriteGranularity64OrMore = 1u << 2;
        private const int Erase4KOpcodeShift = 8;
        private const uint ThreeOrFourAddressBytes = 0b01u << 17;
        private const uint Dword1Reserved = 0xFF80_0000;

        // Time field units from JESD216B DWORDs 10 and 11, in microseconds.
        private static readonly double[] EraseUnits = { 1_000, 16_000, 128_000, 1_000_000 };
        private static readonly double[] PageProgramUnits = { 8, 64 };
        private static readonly double[] ByteProgramUnits = { 1, 8 };
        private static readonly double[] ChipEraseUnits = { 16_000, 256_000, 4_000_000, 64_000_000 };

        public static byte[] Build(SpiNorModel model)
        {
            ArgumentNullException.ThrowIfNull(model);
            var space = new byte[SpaceSize];
            space.AsSpan().Fill(0xFF);

            "SFDP"u8.CopyTo(space);
            space[4] = JedecRevisionMinorB;
            space[5] = JedecRevisionMajor;
            space[6] = (byte)(model.HasFourByteMode ? 1 : 0); // parameter headers, counted from zero
            space[7] = 0xFF; // access protocol: legacy SPI

            WriteTable(space, 0, BasicTableId, JedecRevisionMinorB, BasicTableOffset, BasicTable(model));
            if (model.HasFourByteMode)
            {
                WriteTable(space, 1, FourByteTableId, 0, FourByteTableOffset, FourByteTable(model));
            }

            return space;
        }

        /// <summary>The index-th parameter header (after the 8-byte SFDP header) and the table it points at.</summary>
        private static void WriteTable(byte[] space, int index, ushort id, byte minorRevision, int offset, uint[] dwords)
        {
            Span<byte> header = space.AsSpan(8 + (8 * index), 8);
            header[0] = (byte)id;
            header[1] = minorRevision;
            header[2] = JedecRevisionMajor;
            header[3] = (byte)dwords.Length;
            header[4] = (byte)offset;
            header[5] = (byte)(offset >> 8);
            header[6] = (byte)(offset >> 16);
            header[7] = (byte)(id >> 8);
            for (int i = 0; i < dwords.Length; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(space.AsSpan(offset + (4 * i)), dwords[i]);
            }
        }

        /// <summary>
        /// 4BAIT DWORD1 flags which 4-byte opcodes exist (bit 0 READ4 0x13, bit 1 FAST_READ4 0x0C, bit 6
        /// PP4 0x12, bits 9..12 erase types 1..4); DWORD2 holds the erase types' 4-byte opcodes.
        /// </summary>
        private static uint[] FourByteTable(SpiNorModel model)
        {
            uint supported = (1u << 0) | (1u << 1) | (1u << 6);
            uint opcodes = 0;
            for (int i = 0; i < 4; i++)
            {
                byte? opcode = i < model.EraseTypes.Count ? model.EraseTypes[i].Opcode4Byte : null;
                supported |= opcode is null ? 0 : 1u << (9 + i);
                opcodes |= (uint)(opcode ?? 0xFF) << (8 * i);
            }

            return new[] { supported, opcodes };
        }

        private static uint[] BasicTable(SpiNorModel model)
        {
            IReadOnlyList<EraseBlockType> erases = model.EraseTypes;
            EraseBlockType? sector = null;
            foreach (EraseBlockType erase in erases)
            {
                if (erase.Size == 4096)
                {
                    sector = erase;
                    break;
                }
            }

            var dw = new uint[BasicTableDwords + 1]; // indexed from 1 as JESD216 numbers them
            dw[1] = Dword1Reserved
                | WriteGranularity64OrMore
                | (sector is null ? No4KErase | (0xFFu << Erase4KOpcodeShift) : Uniform4KErase | ((uint)sector.Opcode << Erase4KOpcodeShift))
                | (model.HasFourByteMode ? ThreeOrFourAddressBytes : 0);
            dw[2] = Density(model.Size);
            dw[3] = 0; // no 1-4-4 / 1-1-4 reads
            dw[4] = 0; // no 1-1-2 / 1-2-2 reads
            dw[5] = 0xFFFF_FFEE; // no 2-2-2 (bit 0) or 4-4-4 (bit 4); the rest reserved
            dw[6] = 0x0000_FFFF; // 2-2-2 read parameters: unused
            dw[7] = 0x0000_FFFF; // 4-4-4 read parameters: unused
            dw[8] = ErasePair(erases, 0) | (ErasePair(erases, 1) << 16);
            dw[9] = ErasePair(erases, 2) | (ErasePair(erases, 3) << 16);

            // Maximum-time multipliers are 0 (max = 2 x typical): the model only knows typical times.
            dw[10] = EraseTime(erases, 0) << 4 | EraseTime(erases, 1) << 11 | EraseTime(erases, 2) << 18 | EraseTime(erases, 3) << 25;
            dw[11] = ((uint)BitOperations.Log2((uint)model.PageSize) << 4)
                | (EncodeTime(model.PageProgramTime, PageProgramUnits, 5) << 8)
                | (EncodeTime(model.ByteProgramTime, ByteProgramUnits, 4) << 14)
                | (EncodeTime(model.ByteProgramTime, ByteProgramUnits, 4) << 19)
                | (EncodeTime(model.ChipEraseTime, ChipEraseUnits, 5) << 24)
                | (1u << 31);
            dw[12] = 1u << 31; // no program/erase suspend
            dw[13] = 0;
            dw[14] = (1u << 31) | (1u << 2) | 0b11; // no deep power-down; busy polled through WIP in 0x05
            dw[15] = 0; // no quad-enable bit, no 0-4-4 or 4-4-4 modes
            // EN4B 0xB7 / EX4B 0xE9 without WREN, and a dedicated 4-byte opcode set (bit 29).
            dw[16] = model.HasFourByteMode ? (1u << 29) | (1u << 24) | (1u << 14) | (1u << 7) : 1u << 7;
            return dw[1..];
        }

        /// <summary>DWORD2: size in bits, less one, or 2^N with bit 31 set above 2 Gbit.</summary>
        private static uint Density(int sizeBytes)
        {
            long bits = (long)sizeBytes * 8;
            return bits <= 1L << 31 ? (uint)(bits - 1) : 0x8000_0000u | (uint)BitOperations.Log2((ulong)bits);
        }

        /// <summary>An erase type as DWORD8/9 hold it: size exponent, then opcode; zero when the type does not exist.</summary>
        private static uint ErasePair(IReadOnlyList<EraseBlockType> erases, int index) =>
            index < erases.Count ? (uint)BitOperations.Log2((uint)erases[index].Size) | ((uint)erases[index].Opcode << 8) : 0;

        private static uint EraseTime(IReadOnlyList<EraseBlockType> erases, int index) =>
            index < erases.Count ? EncodeTime(erases[index].TypicalTime, EraseUnits, 5) : 0;

        /// <summary>A JESD216 time field: the finest unit whose count fits, as (unit index, count - 1).</summary>
        private static uint EncodeTime(TimeSpan time, double[] unitsMicroseconds, int countBits)
        {
            int maxCount = 1 << countBits;
            double microseconds = time.TotalMicroseconds;
            for (int unit = 0; unit < unitsMicroseconds.Length; unit++)
            {
                int count = Math.Max(1, (int)Math.Ceiling(microseconds / unitsMicroseconds[unit]));
                if (count <= maxCount || unit == unitsMicroseconds.Length - 1)
                {
                    return ((uint)unit << countBits) | (uint)(Math.Min(count, maxCount) - 1);
                }
            }

            throw new ArgumentException("A time field needs at least one unit.", nameof(unitsMicroseconds));
        }
    }
}
