using System;
using System.Collections.Generic;
using System.Numerics;
using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// Real parts the emulator can be: each is its chip database entry (ids, size, erase blocks, datasheet
    /// times) plus the status register behaviour of its family, which the database does not describe.
    /// The block-protect geometry here repeats what chips.json's write-protect layouts say, on purpose: it is
    /// written from the datasheets' tables and decoded by <see cref="SpiNorBlockProtection"/>, not by the chips'
    /// ProtectionRangeDecoder (flashrom's decode_range), so that the emulated chip is an independent oracle:
    /// ChipWriteProtectionTests holds the host's decoder to it for every status value, which a shared decoder
    /// would reduce to comparing the decoder with itself.
    /// </summary>
    public static class SpiNorModels
    {
        private const int KiB = 1024;

        /// <summary>
        /// A small part for test matrices that run whole-chip operations many times. Not in <see cref="All"/>:
        /// the chip database (like flashrom) knows its id only as "W25Q16.V".
        /// </summary>
        public static SpiNorModel W25Q16JV { get; } = WinbondQ("W25Q16JV", "W25Q16.V");

        public static SpiNorModel W25Q32FV { get; } = WinbondQ("W25Q32FV");

        public static SpiNorModel W25Q64FV { get; } = WinbondQ("W25Q64FV");

        public static SpiNorModel W25Q128FV { get; } = WinbondQ("W25Q128FV");

        /// <summary>4 BP bits from 64 KiB, TB at bit 6 (no SEC), ADS (current address mode) in status register 3; SR2 as the W25Q..FV's.</summary>
        public static SpiNorModel W25Q256JV { get; } = WinbondQ("W25Q256JV") with
        {
            StatusWriteMasks = new byte[] { 0xFC, 0x7B, 0xE6 },
            BlockProtection = new SpiNorBlockProtection(2, 4, 0x40, 64 * KiB, Complement: SpiNorStatusBits.Complement),
            AddressModeBit = SpiNorStatusBits.WinbondAddressMode,
        };

        /// <summary>BP3 (bit 5) and BP4 (bit 6) act as Winbond's TB and SEC; no 0x31 and no third register.</summary>
        public static SpiNorModel GD25Q64C { get; } = new()
        {
            Name = "GD25Q64C",
            Chip = Entry("GD25Q64C"),
            HasSfdp = true,
            HasStatus2 = true,
            WriteStatusTargets = new[] { 1, 2 },
            HasEnableWriteStatus = true,
            StatusWriteMasks = new byte[] { 0xFC, 0x43, 0x00 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 3, 0x20, 128 * KiB, SectorMask: 0x40, Complement: SpiNorStatusBits.Complement),
        };

        /// <summary>
        /// Single status register (BP0..BP3, SRWD); 0x52 erases 64 KiB like 0xD8 on this generation. BP3 acts as a
        /// complement bit that also inverts BP0..BP2 (flashrom's decode_range_spi25_bit_cmp for this part).
        /// </summary>
        public static SpiNorModel MX25L6406E { get; } = new()
        {
            Name = "MX25L6406E",
            Chip = Entry("MX25L6406E"),
            ExtraEraseTypes = [Entry("MX25L6406E").EraseBlocks[^1] with { Opcode = SpiNorOpcodes.BlockErase32K }],
            HasSfdp = true,
            WriteStatusTargets = new[] { 1 },
            StatusWriteMasks = new byte[] { 0xBC, 0x00, 0x00 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 3, 0x00, 128 * KiB, Complement: new SpiNorStatusBit(1, 0x20), ComplementInvertsLevel: true),
        };

        public static SpiNorModel MX25L12835F { get; } = MacronixF("MX25L12835F");

        /// <summary>4BYTE (current address mode) is bit 5 of the configuration register read by 0x15.</summary>
        public static SpiNorModel MX25L25635F { get; } = MacronixF("MX25L25635F") with
        {
            AddressModeBit = SpiNorStatusBits.MacronixAddressMode,
        };

        public static SpiNorModel EN25QH64 { get; } = new()
        {
            Name = "EN25QH64",
            Chip = Entry("EN25QH64"),
            HasSfdp = true,
            WriteStatusTargets = new[] { 1 },
            StatusWriteMasks = new byte[] { 0xFC, 0x00, 0x00 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 4, 0x00, 128 * KiB),
        };

        /// <summary>
        /// Byte program and AAI word program instead of pages, 0xAB answering like 0x90, EWSR (0x50),
        /// and BP0..BP2 set at power-up so the whole array starts write-protected.
        /// </summary>
        public static SpiNorModel SST25VF040B { get; } = new()
        {
            Name = "SST25VF040B",
            Chip = Entry("SST25VF040B"),
            ResActsAsRems = true,
            WriteStatusTargets = new[] { 1 },
            HasEnableWriteStatus = Entry("SST25VF040B").NeedsEwsr,
            StatusWriteMasks = new byte[] { 0xBC, 0x00, 0x00 },
            PowerUpStatus = new byte[] { 0x1C, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 3, 0x00, 64 * KiB),
        };

        /// <summary>Every part in the table.</summary>
        public static IReadOnlyList<SpiNorModel> All { get; } = new[]
        {
            W25Q32FV, W25Q64FV, W25Q128FV, W25Q256JV, GD25Q64C, MX25L6406E, MX25L12835F, MX25L25635F, EN25QH64, SST25VF040B,
        };

        /// <summary>The part a coreboot/Libreboot board most often carries.</summary>
        public static SpiNorModel Default => W25Q64FV;

        /// <summary>The names of <see cref="All"/>, in table order, for usage messages.</summary>
        public static IReadOnlyList<string> Names { get; } = NamesOf(All);

        /// <summary>
        /// The part called <paramref name="name"/> (any letter case): one of <see cref="All"/>, else any other part of
        /// the chip database as <see cref="FromDatabase"/> plays it; null if neither knows the name.
        /// </summary>
        public static SpiNorModel? Find(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            foreach (SpiNorModel model in All)
            {
                if (string.Equals(model.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return model;
                }
            }

            return ChipDatabase.Default.FindByName(name) is ChipDefinition chip ? FromDatabase(chip) : null;
        }

        /// <summary>
        /// A database part the table does not model in full, built from its entry alone: its id command and id
        /// bytes, size, page, erase blocks, chip erase, program method and EWSR. What the entry does not describe is
        /// the plainest 25xx behaviour: one status register whose writable bits are the entry's BP bits and SRWD,
        /// powering up unprotected, BP levels counted in 64 KiB from the top, and a status write time of
        /// <see cref="GenericStatusWriteTime"/> where the entry gives none. A part the entry says serves SFDP answers 0x5A
        /// with the tables <see cref="SfdpTable"/> builds from the entry (size, page, erase types, 4-byte opcodes).
        /// </summary>
        public static SpiNorModel FromDatabase(ChipDefinition chip)
        {
            ArgumentNullException.ThrowIfNull(chip);
            int firstBit = chip.ProtectMask == 0 ? 2 : BitOperations.TrailingZeroCount(chip.ProtectMask);
            int bitCount = BitOperations.TrailingZeroCount(~(chip.ProtectMask >> firstBit));
            return new SpiNorModel
            {
                Name = chip.Name,
                Chip = chip with { WriteStatusTypical = chip.WriteStatusTypical ?? GenericStatusWriteTime },
                WriteStatusTargets = new[] { 1 },
                HasEnableWriteStatus = chip.NeedsEwsr,
                HasSfdp = chip.HasSfdp,
                StatusWriteMasks = new byte[] { (byte)(chip.ProtectMask | SpiNorStatusBits.StatusRegisterProtect0), 0x00, 0x00 },
                PowerUpStatus = new byte[] { 0x00, 0x00, 0x00 },
                BlockProtection = new SpiNorBlockProtection(firstBit, bitCount, 0x00, 64 * KiB),
            };
        }

        /// <summary>Status register write time of a part built from its entry alone: 15 ms, the slow end of 25xx datasheets' tW.</summary>
        public static TimeSpan GenericStatusWriteTime { get; } = TimeSpan.FromMilliseconds(15);

        private static string[] NamesOf(IReadOnlyList<SpiNorModel> models)
        {
            var names = new string[models.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = models[i].Name;
            }

            return names;
        }

        /// <summary>The chip database entry that <paramref name="name"/> (a whole entry name or one part of it) belongs to.</summary>
        private static ChipDefinition Entry(string name) =>
            ChipDatabase.Default.FindByName(name) ?? throw new InvalidOperationException($"the chip database has no entry for the emulated part {name}");

        /// <summary>
        /// Winbond W25Q..FV: three status registers each writable alone, BP0..BP2 + TB from 1/64 of the array, SEC, CMP;
        /// SR2 takes SRL, QE, LB1-LB3 (one-time: set for good) and CMP.
        /// </summary>
        private static SpiNorModel WinbondQ(string name, string? entry = null)
        {
            ChipDefinition chip = Entry(entry ?? name);
            return new SpiNorModel
            {
                Name = name,
                Chip = chip,
                HasSfdp = true,
                HasStatus2 = true,
                HasStatus3 = true,
                WriteStatusTargets = new[] { 1, 2 },
                HasWriteStatus2 = true,
                HasWriteStatus3 = true,
                HasEnableWriteStatus = true,
                StatusWriteMasks = new byte[] { 0xFC, 0x7B, 0xE4 },
                PowerUpStatus = new byte[] { 0x00, 0x00, 0x60 },
                BlockProtection = new SpiNorBlockProtection(2, 3, 0x20, checked((int)(chip.Size / 64)), SectorMask: 0x40, Complement: SpiNorStatusBits.Complement),
            };
        }

        /// <summary>Macronix MX25L..35F: WRSR writes the status then the configuration register; BP0..BP3 from 64 KiB.</summary>
        private static SpiNorModel MacronixF(string name) => new()
        {
            Name = name,
            Chip = Entry(name),
            HasSfdp = true,
            HasStatus3 = true,
            WriteStatusTargets = new[] { 1, 3 },
            StatusWriteMasks = new byte[] { 0xFC, 0x00, 0xC7 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x07 },
            BlockProtection = new SpiNorBlockProtection(2, 4, 0x00, 64 * KiB),
        };
    }
}
