using System.Collections.Generic;

namespace SerprogNano.Chips
{
    /// <summary>
    /// One chips.json entry as written. Every field is optional here so a missing one is
    /// reported with the entry's name instead of a bare JSON path.
    /// Numbers that are hex in datasheets (ids, opcodes, masks) are strings like "0xEF" or "EF 40 17".
    /// </summary>
    internal sealed class ChipRecord
    {
        public string? Name { get; set; }

        public string? Vendor { get; set; }

        /// <summary>The three RDID bytes, e.g. "EF 40 17", for parts probed by RDID.</summary>
        public string? Jedec { get; set; }

        /// <summary>How the part gives its id; RDID when absent.</summary>
        public ChipIdCommand Probe { get; set; }

        /// <summary>The id command's answer for parts not probed by plain RDID, e.g. "BF 44" (REMS).</summary>
        public string? Id { get; set; }

        /// <summary>Capacity in bytes.</summary>
        public long? Size { get; set; }

        public int? PageSize { get; set; }

        public List<EraseBlockRecord>? EraseBlocks { get; set; }

        /// <summary>Erase opcodes whose block size changes along the chip (boot sectors).</summary>
        public List<EraseRegionsRecord>? EraseRegions { get; set; }

        /// <summary>Chip erase opcode, absent when the part has none.</summary>
        public string? ChipErase { get; set; }

        /// <summary>[min, max] supply volts.</summary>
        public List<double>? Voltage { get; set; }

        /// <summary>SST AAI word program.</summary>
        public bool Aai { get; set; }

        public bool ByteProgramOnly { get; set; }

        /// <summary>Absent for chips of 16 MiB or less.</summary>
        public FourByteAddressing FourByte { get; set; }

        /// <summary>WRSR needs EWSR (0x50).</summary>
        public bool Ewsr { get; set; }

        public int? StatusRegisters { get; set; }

        /// <summary>BP bits of status register 1, e.g. "0x1C".</summary>
        public string? ProtectMask { get; set; }

        /// <summary>[typical, max] page (or byte) program time in ms; generic figures when absent.</summary>
        public List<double>? PageProgramMs { get; set; }

        /// <summary>[typical, max] chip erase time in ms; generic figures when absent.</summary>
        public List<double>? ChipEraseMs { get; set; }

        /// <summary>Device byte REMS (0x90) and RES (0xAB) answer, e.g. "0x16"; given for the parts the emulator models.</summary>
        public string? RemsDeviceId { get; set; }

        /// <summary>Typical status register write time (tW) in ms; given for the parts the emulator models.</summary>
        public double? WriteStatusMs { get; set; }

        /// <summary>The operations flashrom reports tested OK, letters of "PREW" (probe, read, erase, write).</summary>
        public string? Tested { get; set; }

        /// <summary>The operations flashrom reports broken, letters of "PREW".</summary>
        public string? Broken { get; set; }

        /// <summary>Behaviour serprog does not drive; the part is then never written or erased.</summary>
        public ChipQuirk Quirk { get; set; }

        /// <summary>The part serves SFDP tables (0x5A).</summary>
        public bool Sfdp { get; set; }
    }
}
