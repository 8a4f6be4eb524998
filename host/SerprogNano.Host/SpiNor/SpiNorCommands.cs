using System;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// The 25xx instructions as SPI transactions, so callers can run them one by one or batch them.
    /// Addresses go out big-endian in 3 or 4 bytes.
    /// </summary>
    public static class SpiNorCommands
    {
        private static readonly byte[] WriteEnableBytes = { SpiNorOpcodes.WriteEnable };
        private static readonly byte[] WriteDisableBytes = { SpiNorOpcodes.WriteDisable };
        private static readonly byte[] EnableWriteStatusBytes = { SpiNorOpcodes.EnableWriteStatus };
        private static readonly byte[] Enter4ByteBytes = { SpiNorOpcodes.Enter4ByteMode };
        private static readonly byte[] Exit4ByteBytes = { SpiNorOpcodes.Exit4ByteMode };
        private static readonly byte[] JedecIdBytes = { SpiNorOpcodes.ReadJedecId };
        private static readonly byte[] RemsBytes = { SpiNorOpcodes.ReadManufacturerDeviceId, 0, 0, 0 };
        private static readonly byte[] ResBytes = { SpiNorOpcodes.ReleasePowerDownId, 0, 0, 0 };

        public static SpiTransaction WriteEnable() => new(WriteEnableBytes, Memory<byte>.Empty);

        public static SpiTransaction WriteDisable() => new(WriteDisableBytes, Memory<byte>.Empty);

        /// <summary>EWSR: SST parts need it instead of WREN before WRSR.</summary>
        public static SpiTransaction EnableWriteStatus() => new(EnableWriteStatusBytes, Memory<byte>.Empty);

        public static SpiTransaction Enter4ByteMode() => new(Enter4ByteBytes, Memory<byte>.Empty);

        public static SpiTransaction Exit4ByteMode() => new(Exit4ByteBytes, Memory<byte>.Empty);

        /// <summary>RDID: manufacturer, memory type, capacity.</summary>
        public static SpiTransaction ReadJedecId(Memory<byte> id3) => new(JedecIdBytes, id3, "RDID");

        /// <summary>REMS: manufacturer and device id, for parts older than RDID.</summary>
        public static SpiTransaction ReadManufacturerDeviceId(Memory<byte> id2) => new(RemsBytes, id2, "REMS");

        /// <summary>RES: the one-byte electronic signature of the oldest parts.</summary>
        public static SpiTransaction ReadElectronicSignature(Memory<byte> id1) => new(ResBytes, id1, "RES");

        /// <summary>RDSR, RDSR2 (0x35) or RDSR3 (0x15), by opcode.</summary>
        public static SpiTransaction ReadStatus(byte opcode, Memory<byte> status) => new(new[] { opcode }, status, "read status register");

        /// <summary>WRSR with one or more status bytes (SR1, then SR2 on parts that take both).</summary>
        public static SpiTransaction WriteStatus(ReadOnlySpan<byte> values)
        {
            var bytes = new byte[1 + values.Length];
            bytes[0] = SpiNorOpcodes.WriteStatus;
            values.CopyTo(bytes.AsSpan(1));
            return new SpiTransaction(bytes, Memory<byte>.Empty, "write status register");
        }

        /// <summary>READ (no dummy) or FAST_READ (one dummy byte) at a 3- or 4-byte address.</summary>
        public static SpiTransaction Read(byte opcode, long address, int addressBytes, int dummyBytes, Memory<byte> destination)
        {
            byte[] bytes = Addressed(opcode, address, addressBytes, dummyBytes);
            return new SpiTransaction(bytes, destination, "read " + destination.Length + " bytes at " + Hex(address));
        }

        /// <summary>RDSFDP: 3-byte address and one dummy byte, whatever the addressing mode.</summary>
        public static SpiTransaction ReadSfdp(int address, Memory<byte> destination)
        {
            return new SpiTransaction(Addressed(SpiNorOpcodes.ReadSfdp, address, 3, 1), destination, "read SFDP at " + Hex(address));
        }

        /// <summary>PP or PP4: at most one page, which the chip wraps within.</summary>
        public static SpiTransaction PageProgram(byte opcode, long address, int addressBytes, ReadOnlySpan<byte> data)
        {
            var bytes = new byte[1 + addressBytes + data.Length];
            WriteHeader(bytes, opcode, address, addressBytes);
            data.CopyTo(bytes.AsSpan(1 + addressBytes));
            return new SpiTransaction(bytes, Memory<byte>.Empty, "program " + data.Length + " bytes at " + Hex(address));
        }

        /// <summary>Any addressed erase (SE, BE32, BE64 and their 4-byte forms).</summary>
        public static SpiTransaction Erase(byte opcode, long address, int addressBytes, int blockSize)
        {
            return new SpiTransaction(Addressed(opcode, address, addressBytes, 0), Memory<byte>.Empty, "erase " + blockSize / 1024 + " KiB at " + Hex(address));
        }

        /// <summary>SST AAI start: opcode, address and the first two bytes.</summary>
        public static SpiTransaction AaiStart(long address, byte first, byte second)
        {
            var bytes = new byte[6];
            WriteHeader(bytes, SpiNorOpcodes.AaiWordProgram, address, 3);
            bytes[4] = first;
            bytes[5] = second;
            return new SpiTransaction(bytes, Memory<byte>.Empty, "AAI program at " + Hex(address));
        }

        /// <summary>SST AAI continuation: the next two bytes at the chip's own incremented address (named in the label, for messages).</summary>
        public static SpiTransaction AaiContinue(byte first, byte second, long address)
        {
            return new SpiTransaction(new[] { SpiNorOpcodes.AaiWordProgram, first, second }, Memory<byte>.Empty, "AAI program at " + Hex(address));
        }

        public static string Hex(long address) => "0x" + address.ToString("X6");

        private static byte[] Addressed(byte opcode, long address, int addressBytes, int dummyBytes)
        {
            var bytes = new byte[1 + addressBytes + dummyBytes];
            WriteHeader(bytes, opcode, address, addressBytes);
            return bytes;
        }

        private static void WriteHeader(byte[] bytes, byte opcode, long address, int addressBytes)
        {
            bytes[0] = opcode;
            for (int i = 0; i < addressBytes; i++)
            {
                bytes[1 + i] = (byte)(address >> (8 * (addressBytes - 1 - i)));
            }
        }
    }
}
