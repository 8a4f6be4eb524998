using System;
using System.Collections.Generic;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// What the emulator needs to know about one real 25xx SPI NOR part, taken from its datasheet.
    /// Status registers are numbered as their read opcodes: 1 is read by 0x05, 2 by 0x35, 3 by 0x15
    /// (Macronix calls the one read by 0x15 its configuration register).
    /// </summary>
    public sealed record SpiNorModel
    {
        public required string Name { get; init; }

        /// <summary>First RDID byte (JEDEC manufacturer id).</summary>
        public required byte ManufacturerId { get; init; }

        /// <summary>Second and third RDID bytes: memory type in the high byte, capacity in the low byte.</summary>
        public required ushort DeviceId { get; init; }

        /// <summary>Device byte answered by REMS (0x90).</summary>
        public required byte RemsDeviceId { get; init; }

        /// <summary>Electronic signature answered by RES (0xAB).</summary>
        public required byte ResId { get; init; }

        /// <summary>SST parts answer 0xAB like 0x90 (manufacturer/device by address bit 0) instead of a signature.</summary>
        public bool ResActsAsRems { get; init; }

        /// <summary>Array size in bytes (a power of two).</summary>
        public required int Size { get; init; }

        /// <summary>Page program buffer size; 1 on byte-programmed parts.</summary>
        public int PageSize { get; init; } = 256;

        public required IReadOnlyList<SpiNorEraseType> EraseTypes { get; init; }

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

        /// <summary>SRP0 (SRWD; BPL on SST): with it set and WP# low the status registers are read-only. Bit 7 of register 1 on every modelled part.</summary>
        public SpiNorStatusBit? StatusRegisterProtect { get; init; } = new SpiNorStatusBit(1, 0x80);

        /// <summary>SRL (SRP1): status writes refused until the next power cycle; null on parts without one.</summary>
        public SpiNorStatusBit? StatusRegisterLock { get; init; }

        /// <summary>Parts over 16 MiB: EN4B/EX4B and the 4-byte opcodes.</summary>
        public bool HasFourByteMode { get; init; }

        /// <summary>Status bit that shows the current address mode (Winbond ADS, Macronix 4BYTE).</summary>
        public SpiNorStatusBit? AddressModeBit { get; init; }

        /// <summary>SST byte program (0x02 takes one byte) and AAI word program (0xAD).</summary>
        public bool HasSstAai { get; init; }

        public required TimeSpan PageProgramTime { get; init; }

        /// <summary>One byte (or one AAI word) on byte-programmed parts.</summary>
        public TimeSpan ByteProgramTime { get; init; }

        public required TimeSpan ChipEraseTime { get; init; }

        public required TimeSpan WriteStatusTime { get; init; }

        public override string ToString() => Name;
    }
}
