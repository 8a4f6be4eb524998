using System;
using System.Linq;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Sfdp
{
    /// <summary>Reads a chip's SFDP space (RDSFDP 0x5A) and decodes its Basic Flash Parameter Table.</summary>
    public static class SfdpParser
    {
        /// <summary>"SFDP" read as a little-endian DWORD.</summary>
        private const uint Signature = 0x5044_4653;

        private const int HeaderLength = 8;
        private const int ParameterHeaderLength = 8;
        private const int SupportedMajorRevision = 1;

        /// <summary>Pointers are 24-bit SFDP addresses.</summary>
        private const int AddressSpace = 1 << 24;

        /// <summary>
        /// Parses SFDP through <paramref name="readSfdp"/>(address, length), which returns the bytes RDSFDP read there.
        /// Returns null when the signature is absent (a chip without SFDP answers 0xFF or 0x00);
        /// throws <see cref="SfdpFormatException"/> when the signature is there but the tables are not sound.
        /// </summary>
        public static SfdpInfo? Parse(Func<int, int, byte[]> readSfdp)
        {
            byte[] header = Read(readSfdp, 0, HeaderLength, "SFDP header");
            if (LittleEndian.ReadUInt32(header, 0) != Signature)
            {
                return null;
            }

            var revision = new Version(header[5], header[4]);
            if (revision.Major != SupportedMajorRevision)
            {
                throw new SfdpFormatException($"SFDP major revision {revision.Major} is not JESD216 (1)");
            }

            // Byte 6 is the number of parameter headers minus one: the BFPT header is always there.
            int headerCount = header[6] + 1;
            int headersEnd = HeaderLength + (headerCount * ParameterHeaderLength);
            byte[] headers = Read(readSfdp, HeaderLength, headerCount * ParameterHeaderLength, "SFDP parameter headers");
            SfdpParameterHeader basic = Enumerable.Range(0, headerCount)
                .Select(index => DecodeParameterHeader(headers, index * ParameterHeaderLength))
                .Where(parameter => parameter.IsBasicFlashParameterTable && parameter.MajorRevision == SupportedMajorRevision)
                .OrderBy(parameter => parameter.MinorRevision)
                .LastOrDefault()
                ?? throw new SfdpFormatException("SFDP has no JESD216 Basic Flash Parameter Table");

            CheckTableBounds(basic, headersEnd);
            byte[] table = Read(readSfdp, basic.Pointer, basic.LengthDwords * 4, "SFDP Basic Flash Parameter Table");
            return BasicFlashParameterTable.Decode(table, revision, basic);
        }

        private static SfdpParameterHeader DecodeParameterHeader(byte[] headers, int offset)
        {
            return new SfdpParameterHeader(
                Id: (ushort)((headers[offset + 7] << 8) | headers[offset]),
                MajorRevision: headers[offset + 2],
                MinorRevision: headers[offset + 1],
                LengthDwords: headers[offset + 3],
                Pointer: LittleEndian.ReadUInt24(headers, offset + 4));
        }

        private static void CheckTableBounds(SfdpParameterHeader table, int headersEnd)
        {
            if (table.LengthDwords < BasicFlashParameterTable.MinimumLengthDwords)
            {
                throw new SfdpFormatException(
                    $"SFDP Basic Flash Parameter Table is {table.LengthDwords} DWORDs, JESD216 needs {BasicFlashParameterTable.MinimumLengthDwords}");
            }

            if (table.Pointer < headersEnd || table.Pointer + (table.LengthDwords * 4) > AddressSpace)
            {
                throw new SfdpFormatException($"SFDP Basic Flash Parameter Table pointer 0x{table.Pointer:X6} is outside the SFDP tables");
            }
        }

        private static byte[] Read(Func<int, int, byte[]> readSfdp, int address, int length, string what)
        {
            byte[] bytes = readSfdp(address, length);
            if (bytes.Length != length)
            {
                throw new SfdpFormatException($"{what}: read {bytes.Length} of {length} bytes at 0x{address:X6}");
            }

            return bytes;
        }
    }
}
