using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SerprogNano.Chips.Protection;

namespace SerprogNano.Chips
{
    /// <summary>What the host must know about one 25xx SPI NOR part (or family sharing a JEDEC ID) to read, erase and write it.</summary>
    public sealed record ChipDefinition
    {
        /// <summary>flashprog-style name; parts that share one JEDEC ID and behave alike are joined by '/'.</summary>
        public required string Name { get; init; }

        public required string Vendor { get; init; }

        /// <summary>First RDID (0x9F) byte; for a part with another id command, the first byte of its answer (0 for a one-byte RES signature).</summary>
        public required byte ManufacturerId { get; init; }

        /// <summary>Second and third RDID bytes, memory type in the high byte; for a part with another id command, the device byte(s) of its answer.</summary>
        public required ushort DeviceId { get; init; }

        /// <summary>How the part gives its id (flashrom's probe); only <see cref="ChipIdCommand.Rdid"/> parts are found by <see cref="ChipDatabase.FindByJedecId"/>.</summary>
        public ChipIdCommand IdCommand { get; init; }

        /// <summary>
        /// The whole answer of <see cref="IdCommand"/>, as many bytes as flashrom reads: for an RDID part always the three
        /// bytes of <see cref="ManufacturerId"/> and <see cref="DeviceId"/>; set for a part probed otherwise.
        /// </summary>
        public IReadOnlyList<byte> IdBytes
        {
            get => IdCommand == ChipIdCommand.Rdid || idBytes == null ? [ManufacturerId, (byte)(DeviceId >> 8), (byte)DeviceId] : idBytes;
            init => idBytes = value;
        }

        /// <summary>Capacity in bytes.</summary>
        public required long Size { get; init; }

        /// <summary>Largest PP (0x02) payload; writes must not cross a page boundary.</summary>
        public required int PageSize { get; init; }

        /// <summary>Erase granularities, smallest first.</summary>
        public required IReadOnlyList<EraseBlockType> EraseBlocks { get; init; }

        /// <summary>Erase opcodes whose block size changes along the chip (boot sectors); the host does not use them.</summary>
        public IReadOnlyList<NonUniformEraseType> NonUniformErase { get; init; } = [];

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

        /// <summary>Where the write-protect bits are and how they decode (flashrom's reg_bits); null when the layout is unknown.</summary>
        public WriteProtectLayout? WriteProtect { get; init; }

        /// <summary>The part powers up protected and flashrom clears that by itself before a write or erase (SST25VF...).</summary>
        public bool UnprotectedBeforeChange { get; init; }

        /// <summary>Page program and chip erase busy times; for byte-program parts PageProgram* is one byte (or AAI word).</summary>
        public required ChipTimings Timings { get; init; }

        /// <summary>Device byte answered by REMS (0x90) and RES (0xAB), where the database knows it.</summary>
        public byte? RemsDeviceId { get; init; }

        /// <summary>Typical status register write time (tW), where the database knows it.</summary>
        public TimeSpan? WriteStatusTypical { get; init; }

        /// <summary>The operations flashrom reports tested OK for this part: letters of "PREW" (probe, read, erase, write).</summary>
        public string Tested { get; init; } = "";

        /// <summary>The operations flashrom reports broken for this part: letters of "PREW".</summary>
        public string Broken { get; init; } = "";

        /// <summary>Behaviour serprog does not drive, which keeps it from writing or erasing the part.</summary>
        public ChipQuirk Quirk { get; init; }

        /// <summary>The part serves JESD216 SFDP tables through 0x5A, as flashrom's and flashprog's chip tables note ("supports SFDP").</summary>
        public bool HasSfdp { get; init; }

        /// <summary>Every name this entry answers to (see <see cref="ChipNames.Expand"/>): the whole name, each '/' part, and the parts a "(A/B)" suffix stands for.</summary>
        public IReadOnlyList<string> Names => ChipNames.Expand(Name);

        /// <summary>The three RDID bytes as flashprog prints them, e.g. "EF 40 17"; for a part with another id command, that command and its answer, e.g. "REMS BF 44".</summary>
        public string JedecId => IdCommand == ChipIdCommand.Rdid ? Hex(IdBytes) : IdCommandName(IdCommand) + " " + Hex(IdBytes);

        /// <summary>Why serprog must not write or erase this part, or null when it may.</summary>
        public string? ChangeRefusal => Quirk switch
        {
            ChipQuirk.Sst26BlockLocks => "every block of an SST26 part powers up locked, and serprog does not send the global unlock (ULBPR, 0x98)",
            ChipQuirk.SpansionSectorArchitecture => "the sector layout of an S25FL-S/S25FS-S part is set by configuration registers serprog neither reads nor sets",
            ChipQuirk.StatusPerDie => "its stacked dies each have a status register to poll, and serprog waits on one",
            _ when Broken.Contains('W', StringComparison.Ordinal) || Broken.Contains('E', StringComparison.Ordinal) => "flashrom reports " + (Broken.Contains('W', StringComparison.Ordinal) ? "writing" : "erasing") + " this part broken",
            _ when EraseBlocks.Count == 0 => "its erase blocks differ in size along the chip (boot sectors) and serprog erases uniform blocks only",
            _ when ByteProgramOnly && !SstAai => "it programs one byte per command without SST AAI (flashrom's single-byte write), which serprog's writer does not drive",
            _ => null,
        };

        private readonly IReadOnlyList<byte>? idBytes;

        private static string Hex(IReadOnlyList<byte> bytes) => string.Join(" ", bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

        private static string IdCommandName(ChipIdCommand command) => command switch
        {
            ChipIdCommand.Rems => "REMS",
            ChipIdCommand.Res1 or ChipIdCommand.Res2 => "RES",
            ChipIdCommand.At25f => "AT25F-ID",
            _ => "RDID",
        };
    }
}
