using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;

namespace SerprogNano.Host.Sfdp
{
    /// <summary>What a chip's SFDP Basic Flash Parameter Table says about it.</summary>
    public sealed record SfdpInfo
    {
        private const long SixteenMiB = 16L * 1024 * 1024;

        /// <summary>The voltage is unknown: the range spanned by 1.8 V and 3.3 V parts.</summary>
        private const double AnyPartVoltageMin = 1.65;
        private const double AnyPartVoltageMax = 3.6;

        /// <summary>SFDP header revision (JESD216 is 1.0, JESD216B is 1.6).</summary>
        public required Version Revision { get; init; }

        /// <summary>Revision of the Basic Flash Parameter Table that was decoded.</summary>
        public required Version BasicTableRevision { get; init; }

        /// <summary>Length of that table in DWORDs: 9 for JESD216, 16 for JESD216A/B, more for later revisions.</summary>
        public required int BasicTableLengthDwords { get; init; }

        /// <summary>Capacity in bytes.</summary>
        public required long Size { get; init; }

        /// <summary>From DWORD 11; 256 when the table predates it.</summary>
        public required int PageSize { get; init; }

        /// <summary>Erase types 1-4 that exist, smallest first.</summary>
        public required IReadOnlyList<SfdpEraseType> EraseTypes { get; init; }

        public required SfdpAddressBytes AddressBytes { get; init; }

        /// <summary>The 4 KiB erase opcode of DWORD 1, or null when the chip has no uniform 4 KiB erase.</summary>
        public required byte? Erase4KOpcode { get; init; }

        /// <summary>DWORD 1 bit 2 clear: writes go one byte at a time.</summary>
        public required bool ByteProgramOnly { get; init; }

        /// <summary>DWORD 1 bits 3-4: volatile status register written after EWSR (0x50) instead of WREN.</summary>
        public required bool NeedsEwsr { get; init; }

        /// <summary>Page program and chip erase times of DWORD 10-11, null when the table predates them.</summary>
        public required ChipTimings? Timings { get; init; }

        /// <summary>Addresses past 16 MiB exist, so 3-byte addressing cannot reach the whole chip.</summary>
        public bool Requires4ByteAddressing => Size > SixteenMiB || AddressBytes == SfdpAddressBytes.FourOnly;

        /// <summary>
        /// A definition for a chip the database lacks. SFDP says nothing of voltage, status register layout
        /// or chip erase, so those get the values every 25xx part accepts or the widest range.
        /// </summary>
        public ChipDefinition ToChipDefinition(byte manufacturer, ushort device)
        {
            return new ChipDefinition
            {
                Name = $"SFDP {manufacturer:X2}{device:X4}",
                Vendor = $"JEDEC 0x{manufacturer:X2}",
                ManufacturerId = manufacturer,
                DeviceId = device,
                Size = Size,
                PageSize = PageSize,
                EraseBlocks = EraseTypes.Select(ToEraseBlock).ToArray(),
                ChipEraseOpcode = SpiNorOpcodes.ChipEraseC7, // JESD216 does not describe chip erase; 0xC7 is the one every 25xx part accepts.
                VoltageMin = AnyPartVoltageMin,
                VoltageMax = AnyPartVoltageMax,
                SstAai = false,
                ByteProgramOnly = ByteProgramOnly,
                FourByteAddressing = Requires4ByteAddressing ? FourByteAddressing.Enter4ByteMode : FourByteAddressing.None,
                NeedsEwsr = NeedsEwsr,
                StatusRegisters = 1,
                ProtectMask = SpiNorStatusBits.BlockProtect0To2,
                Timings = Timings ?? GenericTimings.ForChip(Size),
            };
        }

        private static EraseBlockType ToEraseBlock(SfdpEraseType erase)
        {
            (TimeSpan typical, TimeSpan max) = GenericTimings.ForEraseBlock(erase.Size);
            return new EraseBlockType(erase.Size, erase.Opcode, null, erase.TypicalTime ?? typical, erase.MaxTime ?? max);
        }
    }
}
