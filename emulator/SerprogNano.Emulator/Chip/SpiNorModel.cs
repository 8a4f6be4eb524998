using System;
using System.Collections.Generic;
using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// One real 25xx SPI NOR part as the emulator plays it: the facts its chip database entry holds
    /// (<see cref="Chip"/>: ids, size, page, erase blocks and busy times, 4-byte addressing, AAI) and the
    /// behaviour the database does not describe (status register layout, SFDP, protection geometry).
    /// Status registers are numbered as their read opcodes: 1 is read by 0x05, 2 by 0x35, 3 by 0x15
    /// (Macronix calls the one read by 0x15 its configuration register).
    /// </summary>
    public sealed record SpiNorModel
    {
        public required string Name { get; init; }

        /// <summary>The chips.json entry the part belongs to; it must give the REMS id and the status write time.</summary>
        public required ChipDefinition Chip { get; init; }

        /// <summary>First RDID byte (JEDEC manufacturer id).</summary>
        public byte ManufacturerId => Chip.ManufacturerId;

        /// <summary>Second and third RDID bytes: memory type in the high byte, capacity in the low byte.</summary>
        public ushort DeviceId => Chip.DeviceId;

        /// <summary>Device byte answered by REMS (0x90) and RES (0xAB) on the parts modelled in full.</summary>
        public byte RemsDeviceId => Chip.RemsDeviceId ?? throw Missing("remsDeviceId");

        /// <summary>What the part's id command answers (RDID, or AT25F's 0x15): its database id bytes.</summary>
        public byte[] IdAnswer => [.. Chip.IdBytes];

        /// <summary>What REMS (0x90) answers: maker and device byte.</summary>
        public byte[] RemsAnswer => Chip.IdCommand == ChipIdCommand.Rems ? [.. Chip.IdBytes] : [ManufacturerId, RemsDeviceId];

        /// <summary>What RES (0xAB) answers after its three dummy bytes: the signature byte, or maker and device on parts probed so.</summary>
        public byte[] SignatureAnswer => Chip.IdCommand is ChipIdCommand.Res1 or ChipIdCommand.Res2 ? [.. Chip.IdBytes] : [RemsDeviceId];

        /// <summary>SST parts answer 0xAB like 0x90 (manufacturer/device by address bit 0) instead of a signature.</summary>
        public bool ResActsAsRems { get; init; }

        /// <summary>Array size in bytes (a power of two).</summary>
        public int Size => checked((int)Chip.Size);

        /// <summary>Page program buffer size; 1 on byte-programmed parts.</summary>
        public int PageSize => Chip.ByteProgramOnly ? 1 : Chip.PageSize;

        /// <summary>The database's erase blocks, then any the part also answers that the host never uses.</summary>
        public IReadOnlyList<EraseBlockType> EraseTypes => ExtraEraseTypes.Count == 0 ? Chip.EraseBlocks : [.. Chip.EraseBlocks, .. ExtraEraseTypes];

        /// <summary>Erase opcodes the silicon also obeys although the database (like flashprog) does not list them.</summary>
        public IReadOnlyList<EraseBlockType> ExtraEraseTypes { get; init; } = [];

        /// <summary>Whether the part serves a JESD216 SFDP table through 0x5A.</summary>
        public bool HasSfdp { get; init; }

        /// <summary>Whether status registers 2 (0x35) and 3 (0x15) can be read.</summary>
        public bool HasStatus2 { get; init; }

        public bool HasStatus3 { get; init; }

        /// <summary>The registers the successive data bytes of WRSR (0x01) land in; its length is the most WRSR takes.</summary>
        public required IReadOnlyList<int> WriteStatusTargets { get; init; }

        /// <summary>Winbond-style single-register writes: 0x31 for register 2, 0x11 for register 3.</summary>
        public bool HasWriteStatus2 { get; init; }

        public bool HasWriteStatus3 { get; init; }

        /// <summary>Whether 0x50 (EWSR on SST, volatile SR write enable on Winbond) lets the next WRSR through without WEL.</summary>
        public bool HasEnableWriteStatus { get; init; }

        /// <summary>Bits a status write may change in registers 1..3 (WIP and WEL are never writable).</summary>
        public required IReadOnlyList<byte> StatusWriteMasks { get; init; }

        /// <summary>Register values at power-up, registers 1..3.</summary>
        public required IReadOnlyList<byte> PowerUpStatus { get; init; }

        public required SpiNorBlockProtection BlockProtection { get; init; }

        /// <summary>Parts over 16 MiB: EN4B/EX4B and the 4-byte opcodes.</summary>
        public bool HasFourByteMode => Chip.FourByteAddressing != FourByteAddressing.None;

        /// <summary>Status bit that shows the current address mode (Winbond ADS, Macronix 4BYTE).</summary>
        public SpiNorStatusBit? AddressModeBit { get; init; }

        /// <summary>SST byte program (0x02 takes one byte) and AAI word program (0xAD).</summary>
        public bool HasSstAai => Chip.SstAai;

        public TimeSpan PageProgramTime => Chip.Timings.PageProgramTypical;

        /// <summary>One byte (or one AAI word) on byte-programmed parts, whose database page program time is that of one byte.</summary>
        public TimeSpan ByteProgramTime => Chip.ByteProgramOnly ? Chip.Timings.PageProgramTypical : TimeSpan.Zero;

        public TimeSpan ChipEraseTime => Chip.Timings.ChipEraseTypical;

        public TimeSpan WriteStatusTime => Chip.WriteStatusTypical ?? throw Missing("writeStatusMs");

        public override string ToString() => Name;

        private InvalidOperationException Missing(string field) =>
            new($"chips.json entry \"{Chip.Name}\" lacks {field}, which the emulated {Name} needs");
    }
}
