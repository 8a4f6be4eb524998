using System;
using System.Collections.Generic;

namespace SerprogNano.Chips
{
    /// <summary>What the host must know about one 25xx SPI NOR part (or family sharing a JEDEC ID) to read, erase and write it.</summary>
    public sealed record ChipDefinition
    {
        /// <summary>flashprog-style name; parts that share one JEDEC ID and behave alike are joined by '/'.</summary>
        public required string Name { get; init; }

        public required string Vendor { get; init; }

        /// <summary>First RDID (0x9F) byte.</summary>
        public required byte ManufacturerId { get; init; }

        /// <summary>Second and third RDID bytes, memory type in the high byte.</summary>
        public required ushort DeviceId { get; init; }

        /// <summary>Capacity in bytes.</summary>
        public required long Size { get; init; }

        /// <summary>Largest PP (0x02) payload; writes must not cross a page boundary.</summary>
        public required int PageSize { get; init; }

        /// <summary>Erase granularities, smallest first.</summary>
        public required IReadOnlyList<EraseBlockType> EraseBlocks { get; init; }

        /// <summary>Whole-chip erase opcode (0xC7 or 0x60), or null when the part has none.</summary>
        public required byte? ChipEraseOpcode { get; init; }

        /// <summary>Lowest supply voltage in volts.</summary>
        public required double VoltageMin { get; init; }

        /// <summary>Highest supply voltage in volts.</summary>
        public required double VoltageMax { get; init; }

        /// <summary>SST auto-address-increment word program (0xAD) is the fast write path.</summary>
        public required bool SstAai { get; init; }

        /// <summary>Only single-byte program (0x02 with one data byte); there is no page buffer.</summary>
        public required bool ByteProgramOnly { get; init; }

        public required FourByteAddressing FourByteAddressing { get; init; }

        /// <summary>WRSR (0x01) must follow EWSR (0x50) rather than WREN (0x06).</summary>
        public required bool NeedsEwsr { get; init; }

        /// <summary>Number of status registers: 1 (RDSR 0x05), 2 (+ RDSR2 0x35) or 3 (+ RDSR3 0x15).</summary>
        public required int StatusRegisters { get; init; }

        /// <summary>
        /// The block-protect level bits (BPn) of status register 1: any of them set protects part of the chip.
        /// TB, SEC and CMP only move the protected range and are left out.
        /// </summary>
        public required byte ProtectMask { get; init; }

        /// <summary>Page program and chip erase busy times; for byte-program parts PageProgram* is one byte (or AAI word).</summary>
        public required ChipTimings Timings { get; init; }

        /// <summary>Device byte answered by REMS (0x90) and RES (0xAB), where the database knows it.</summary>
        public byte? RemsDeviceId { get; init; }

        /// <summary>Typical status register write time (tW), where the database knows it.</summary>
        public TimeSpan? WriteStatusTypical { get; init; }

        /// <summary>Every name this entry answers to: the whole name and each '/'-separated part of it.</summary>
        public IReadOnlyList<string> Names => Name.Contains('/', StringComparison.Ordinal) ? [Name, .. Name.Split('/')] : [Name];

        /// <summary>The three RDID bytes as flashprog prints them, e.g. "EF 40 17".</summary>
        public string JedecId => $"{ManufacturerId:X2} {DeviceId >> 8:X2} {DeviceId & 0xFF:X2}";
    }
}
