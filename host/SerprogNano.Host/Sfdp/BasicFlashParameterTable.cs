using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Sfdp
{
    /// <summary>
    /// Decodes the JESD216 Basic Flash Parameter Table. DWORD numbers below are 1-based as in the standard;
    /// the table is 9 DWORDs in JESD216 and gains DWORDs 10-16 (times, page size, 4-byte modes) in JESD216A/B.
    /// </summary>
    internal static class BasicFlashParameterTable
    {
        public const int MinimumLengthDwords = 9;

        /// <summary>JESD216A added DWORDs 10 (erase times) and 11 (page size, program and chip erase times).</summary>
        private const int Jesd216ALengthDwords = 11;

        /// <summary>DWORD 1 bits 1:0 when a uniform 4 KiB erase exists (0b11 when it does not).</summary>
        private const uint Uniform4KErase = 0b01;

        private const int DefaultPageSize = 256;

        /// <summary>Largest chip 4-byte addresses reach; a larger density is garbage.</summary>
        private const long MaxSize = 1L << 32;

        /// <summary>Erase type time units of DWORD 10 bits (2 per type): 1 ms, 16 ms, 128 ms, 1 s.</summary>
        private static readonly double[] EraseUnitsMs = [1, 16, 128, 1000];

        /// <summary>Chip erase time units of DWORD 11 bits 30:29: 16 ms, 256 ms, 4 s, 64 s.</summary>
        private static readonly double[] ChipEraseUnitsMs = [16, 256, 4000, 64000];

        public static SfdpInfo Decode(byte[] table, Version sfdpRevision, SfdpParameterHeader header)
        {
            int lengthDwords = table.Length / 4;
            uint dword1 = Dword(table, 1);
            bool hasDwords10And11 = lengthDwords >= Jesd216ALengthDwords;
            bool volatileStatus = Bit(dword1, 3);
            long size = DecodeSize(Dword(table, 2));
            return new SfdpInfo
            {
                Revision = sfdpRevision,
                BasicTableRevision = new Version(header.MajorRevision, header.MinorRevision),
                BasicTableLengthDwords = lengthDwords,
                Size = size,
                PageSize = hasDwords10And11 ? 1 << (int)Field(Dword(table, 11), 4, 4) : DefaultPageSize,
                EraseTypes = DecodeEraseTypes(table, size, hasDwords10And11),
                AddressBytes = DecodeAddressBytes(dword1),
                Erase4KOpcode = Field(dword1, 0, 2) == Uniform4KErase ? (byte)Field(dword1, 8, 8) : null,
                ByteProgramOnly = !Bit(dword1, 2),
                NeedsEwsr = volatileStatus && !Bit(dword1, 4),
                Timings = hasDwords10And11 ? DecodeTimings(Dword(table, 10), Dword(table, 11)) : null,
            };
        }

        /// <summary>DWORD 2: bit 31 clear, bits 30:0 are the size in bits minus one; set, the size is 2^N bits.</summary>
        private static long DecodeSize(uint dword2)
        {
            uint value = dword2 & 0x7FFF_FFFF;
            long bits;
            if (Bit(dword2, 31))
            {
                // 2^35 bits is 4 GiB, the most 4-byte addresses reach.
                if (value is < 3 or > 35)
                {
                    throw new SfdpFormatException($"SFDP density 2^{value} bits is impossible");
                }

                bits = 1L << (int)value;
            }
            else
            {
                bits = (long)value + 1;
            }

            long bytes = bits / 8;
            if (bytes == 0 || bits % 8 != 0 || bytes > MaxSize)
            {
                throw new SfdpFormatException($"SFDP density of {bits} bits is impossible");
            }

            return bytes;
        }

        private static SfdpAddressBytes DecodeAddressBytes(uint dword1)
        {
            return Field(dword1, 17, 2) switch
            {
                0b00 => SfdpAddressBytes.ThreeOnly,
                0b01 => SfdpAddressBytes.ThreeOrFour,
                0b10 => SfdpAddressBytes.FourOnly,
                _ => throw new SfdpFormatException("SFDP address bytes field holds the reserved value 3"),
            };
        }

        /// <summary>DWORDs 8-9 hold four (size exponent, opcode) byte pairs; exponent 0 means the type is absent.</summary>
        private static SfdpEraseType[] DecodeEraseTypes(byte[] table, long chipSize, bool hasDwords10And11)
        {
            var types = new List<SfdpEraseType>();
            uint times = hasDwords10And11 ? Dword(table, 10) : 0;
            for (int type = 0; type < 4; type++)
            {
                uint pair = Field(Dword(table, 8 + (type / 2)), 16 * (type % 2), 16);
                int exponent = (int)(pair & 0xFF);
                if (exponent == 0)
                {
                    continue;
                }

                if (exponent > 31 || (1L << exponent) > chipSize)
                {
                    throw new SfdpFormatException($"SFDP erase type {type + 1} has an impossible size 2^{exponent}");
                }

                TimeSpan? typical = null;
                TimeSpan? max = null;
                if (hasDwords10And11)
                {
                    int shift = 4 + (7 * type);
                    typical = TimeSpan.FromMilliseconds((Field(times, shift, 5) + 1) * EraseUnitsMs[Field(times, shift + 5, 2)]);
                    max = typical * MaxMultiplier(times);
                }

                types.Add(new SfdpEraseType(1 << exponent, (byte)(pair >> 8), typical, max));
            }

            // A table that lists no erase types still names its 4 KiB erase in DWORD 1.
            uint dword1 = Dword(table, 1);
            if (types.Count == 0 && Field(dword1, 0, 2) == Uniform4KErase)
            {
                types.Add(new SfdpEraseType(4096, (byte)Field(dword1, 8, 8), null, null));
            }

            // Erase types come in any order; a size listed twice keeps its first opcode.
            return types.DistinctBy(erase => erase.Size).OrderBy(erase => erase.Size).ToArray();
        }

        /// <summary>DWORD 11: page program (8 or 64 us units) and chip erase times; max = typical * multiplier of bits 3:0.</summary>
        private static ChipTimings DecodeTimings(uint dword10, uint dword11)
        {
            TimeSpan programTypical = TimeSpan.FromMicroseconds((Field(dword11, 8, 5) + 1) * (Bit(dword11, 13) ? 64 : 8));
            TimeSpan eraseTypical = TimeSpan.FromMilliseconds((Field(dword11, 24, 5) + 1) * ChipEraseUnitsMs[Field(dword11, 29, 2)]);
            return new ChipTimings(programTypical, programTypical * MaxMultiplier(dword11), eraseTypical, eraseTypical * MaxMultiplier(dword10));
        }

        /// <summary>Bits 3:0 of DWORDs 10 and 11: max time = 2 * (count + 1) * typical time.</summary>
        private static int MaxMultiplier(uint dword)
        {
            return 2 * ((int)Field(dword, 0, 4) + 1);
        }

        private static uint Dword(byte[] table, int number)
        {
            return LittleEndian.ReadUInt32(table, 4 * (number - 1));
        }

        private static uint Field(uint dword, int shift, int width)
        {
            return (dword >> shift) & ((1u << width) - 1);
        }

        private static bool Bit(uint dword, int bit)
        {
            return ((dword >> bit) & 1) != 0;
        }
    }
}
