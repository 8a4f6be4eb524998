using System;
using System.Collections.Generic;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// Real parts the emulator can be, with figures from their datasheets (typical times, ids, status
    /// register layouts) and the erase opcodes flashrom/flashprog list for them.
    /// </summary>
    public static class SpiNorModels
    {
        private const int KiB = 1024;
        private const int MiB = 1024 * KiB;

        /// <summary>
        /// A small part for test matrices that run whole-chip operations many times. Not in <see cref="All"/>:
        /// the chip database (like flashrom) knows its id only as "W25Q16.V".
        /// </summary>
        public static SpiNorModel W25Q16JV { get; } = WinbondQ("W25Q16JV", 0x15, 2 * MiB, pageProgramMs: 0.4, chipEraseSeconds: 5);

        public static SpiNorModel W25Q32FV { get; } = WinbondQ("W25Q32FV", 0x16, 4 * MiB, pageProgramMs: 0.7, chipEraseSeconds: 10);

        public static SpiNorModel W25Q64FV { get; } = WinbondQ("W25Q64FV", 0x17, 8 * MiB, pageProgramMs: 0.7, chipEraseSeconds: 20);

        public static SpiNorModel W25Q128FV { get; } = WinbondQ("W25Q128FV", 0x18, 16 * MiB, pageProgramMs: 0.7, chipEraseSeconds: 40);

        /// <summary>4 BP bits from 64 KiB, TB at bit 6 (no SEC), ADS (current address mode) in status register 3.</summary>
        public static SpiNorModel W25Q256JV { get; } = WinbondQ("W25Q256JV", 0x19, 32 * MiB, pageProgramMs: 0.4, chipEraseSeconds: 80) with
        {
            EraseTypes = new[]
            {
                new SpiNorEraseType(4 * KiB, 0x20, 0x21, TimeSpan.FromMilliseconds(45)),
                new SpiNorEraseType(32 * KiB, 0x52, null, TimeSpan.FromMilliseconds(120)),
                new SpiNorEraseType(64 * KiB, 0xD8, 0xDC, TimeSpan.FromMilliseconds(150)),
            },
            StatusWriteMasks = new byte[] { 0xFC, 0x43, 0xE6 },
            BlockProtection = new SpiNorBlockProtection(2, 4, 0x40, 64 * KiB, Complement: new SpiNorStatusBit(2, 0x40)),
            HasFourByteMode = true,
            AddressModeBit = new SpiNorStatusBit(3, 0x01),
        };

        /// <summary>BP3 (bit 5) and BP4 (bit 6) act as Winbond's TB and SEC; no 0x31 and no third register.</summary>
        public static SpiNorModel GD25Q64C { get; } = new()
        {
            Name = "GD25Q64C",
            ManufacturerId = 0xC8,
            DeviceId = 0x4017,
            RemsDeviceId = 0x16,
            ResId = 0x16,
            Size = 8 * MiB,
            EraseTypes = StandardErases(sector: 50, block32: 150, block64: 250),
            HasSfdp = true,
            HasStatus2 = true,
            WriteStatusTargets = new[] { 1, 2 },
            HasEnableWriteStatus = true,
            StatusWriteMasks = new byte[] { 0xFC, 0x43, 0x00 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 3, 0x20, 128 * KiB, SectorMask: 0x40, Complement: new SpiNorStatusBit(2, 0x40)),
            StatusRegisterLock = new SpiNorStatusBit(2, 0x01),
            PageProgramTime = TimeSpan.FromMilliseconds(0.6),
            ChipEraseTime = TimeSpan.FromSeconds(25),
            WriteStatusTime = TimeSpan.FromMilliseconds(5),
        };

        /// <summary>
        /// Single status register (BP0..BP3, SRWD); 0x52 erases 64 KiB like 0xD8 on this generation. BP3 acts as a
        /// complement bit that also inverts BP0..BP2 (flashrom's decode_range_spi25_bit_cmp for this part).
        /// </summary>
        public static SpiNorModel MX25L6406E { get; } = new()
        {
            Name = "MX25L6406E",
            ManufacturerId = 0xC2,
            DeviceId = 0x2017,
            RemsDeviceId = 0x16,
            ResId = 0x16,
            Size = 8 * MiB,
            EraseTypes = new[]
            {
                new SpiNorEraseType(4 * KiB, 0x20, null, TimeSpan.FromMilliseconds(60)),
                new SpiNorEraseType(64 * KiB, 0xD8, null, TimeSpan.FromMilliseconds(700)),
                new SpiNorEraseType(64 * KiB, 0x52, null, TimeSpan.FromMilliseconds(700)),
            },
            HasSfdp = true,
            WriteStatusTargets = new[] { 1 },
            StatusWriteMasks = new byte[] { 0xBC, 0x00, 0x00 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 3, 0x00, 128 * KiB, Complement: new SpiNorStatusBit(1, 0x20), ComplementInvertsLevel: true),
            PageProgramTime = TimeSpan.FromMilliseconds(1.4),
            ChipEraseTime = TimeSpan.FromSeconds(50),
            WriteStatusTime = TimeSpan.FromMilliseconds(40),
        };

        public static SpiNorModel MX25L12835F { get; } = MacronixF("MX25L12835F", 0x18, 16 * MiB, chipEraseSeconds: 80);

        /// <summary>4BYTE (current address mode) is bit 5 of the configuration register read by 0x15.</summary>
        public static SpiNorModel MX25L25635F { get; } = MacronixF("MX25L25635F", 0x19, 32 * MiB, chipEraseSeconds: 150) with
        {
            EraseTypes = new[]
            {
                new SpiNorEraseType(4 * KiB, 0x20, 0x21, TimeSpan.FromMilliseconds(43)),
                new SpiNorEraseType(32 * KiB, 0x52, 0x5C, TimeSpan.FromMilliseconds(160)),
                new SpiNorEraseType(64 * KiB, 0xD8, 0xDC, TimeSpan.FromMilliseconds(400)),
            },
            HasFourByteMode = true,
            AddressModeBit = new SpiNorStatusBit(3, 0x20),
        };

        public static SpiNorModel EN25QH64 { get; } = new()
        {
            Name = "EN25QH64",
            ManufacturerId = 0x1C,
            DeviceId = 0x7017,
            RemsDeviceId = 0x16,
            ResId = 0x16,
            Size = 8 * MiB,
            EraseTypes = new[]
            {
                new SpiNorEraseType(4 * KiB, 0x20, null, TimeSpan.FromMilliseconds(40)),
                new SpiNorEraseType(64 * KiB, 0xD8, null, TimeSpan.FromMilliseconds(200)),
            },
            HasSfdp = true,
            WriteStatusTargets = new[] { 1 },
            StatusWriteMasks = new byte[] { 0xFC, 0x00, 0x00 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 4, 0x00, 128 * KiB),
            PageProgramTime = TimeSpan.FromMilliseconds(0.5),
            ChipEraseTime = TimeSpan.FromSeconds(20),
            WriteStatusTime = TimeSpan.FromMilliseconds(10),
        };

        /// <summary>
        /// Byte program and AAI word program instead of pages, 0xAB answering like 0x90, EWSR (0x50),
        /// and BP0..BP2 set at power-up so the whole array starts write-protected.
        /// </summary>
        public static SpiNorModel SST25VF040B { get; } = new()
        {
            Name = "SST25VF040B",
            ManufacturerId = 0xBF,
            DeviceId = 0x258D,
            RemsDeviceId = 0x8D,
            ResId = 0x8D,
            ResActsAsRems = true,
            Size = 512 * KiB,
            PageSize = 1,
            EraseTypes = StandardErases(sector: 18, block32: 18, block64: 18),
            WriteStatusTargets = new[] { 1 },
            HasEnableWriteStatus = true,
            StatusWriteMasks = new byte[] { 0xBC, 0x00, 0x00 },
            PowerUpStatus = new byte[] { 0x1C, 0x00, 0x00 },
            BlockProtection = new SpiNorBlockProtection(2, 3, 0x00, 64 * KiB),
            HasSstAai = true,
            PageProgramTime = TimeSpan.FromMilliseconds(0.007),
            ByteProgramTime = TimeSpan.FromMilliseconds(0.007),
            ChipEraseTime = TimeSpan.FromMilliseconds(35),
            WriteStatusTime = TimeSpan.Zero,
        };

        /// <summary>Every part in the table.</summary>
        public static IReadOnlyList<SpiNorModel> All { get; } = new[]
        {
            W25Q32FV, W25Q64FV, W25Q128FV, W25Q256JV, GD25Q64C, MX25L6406E, MX25L12835F, MX25L25635F, EN25QH64, SST25VF040B,
        };

        /// <summary>The part a coreboot/Libreboot board most often carries.</summary>
        public static SpiNorModel Default => W25Q64FV;

        /// <summary>The part called <paramref name="name"/> (any letter case), or null if the table lacks it.</summary>
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

            return null;
        }

        /// <summary>Winbond W25Q..FV: three status registers each writable alone, BP0..BP2 + TB from 1/64 of the array, SEC, CMP.</summary>
        private static SpiNorModel WinbondQ(string name, byte capacity, int size, double pageProgramMs, double chipEraseSeconds) => new()
        {
            Name = name,
            ManufacturerId = 0xEF,
            DeviceId = (ushort)(0x4000 | capacity),
            RemsDeviceId = (byte)(capacity - 1),
            ResId = (byte)(capacity - 1),
            Size = size,
            EraseTypes = StandardErases(sector: 45, block32: 120, block64: 150),
            HasSfdp = true,
            HasStatus2 = true,
            HasStatus3 = true,
            WriteStatusTargets = new[] { 1, 2 },
            HasWriteStatus2 = true,
            HasWriteStatus3 = true,
            HasEnableWriteStatus = true,
            StatusWriteMasks = new byte[] { 0xFC, 0x43, 0xE4 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x60 },
            BlockProtection = new SpiNorBlockProtection(2, 3, 0x20, size / 64, SectorMask: 0x40, Complement: new SpiNorStatusBit(2, 0x40)),
            StatusRegisterLock = new SpiNorStatusBit(2, 0x01),
            PageProgramTime = TimeSpan.FromMilliseconds(pageProgramMs),
            ChipEraseTime = TimeSpan.FromSeconds(chipEraseSeconds),
            WriteStatusTime = TimeSpan.FromMilliseconds(10),
        };

        /// <summary>Macronix MX25L..35F: WRSR writes the status then the configuration register; BP0..BP3 from 64 KiB.</summary>
        private static SpiNorModel MacronixF(string name, byte capacity, int size, double chipEraseSeconds) => new()
        {
            Name = name,
            ManufacturerId = 0xC2,
            DeviceId = (ushort)(0x2000 | capacity),
            RemsDeviceId = (byte)(capacity - 1),
            ResId = (byte)(capacity - 1),
            Size = size,
            EraseTypes = StandardErases(sector: 43, block32: 160, block64: 400),
            HasSfdp = true,
            HasStatus3 = true,
            WriteStatusTargets = new[] { 1, 3 },
            StatusWriteMasks = new byte[] { 0xFC, 0x00, 0xC7 },
            PowerUpStatus = new byte[] { 0x00, 0x00, 0x07 },
            BlockProtection = new SpiNorBlockProtection(2, 4, 0x00, 64 * KiB),
            PageProgramTime = TimeSpan.FromMilliseconds(0.5),
            ChipEraseTime = TimeSpan.FromSeconds(chipEraseSeconds),
            WriteStatusTime = TimeSpan.FromMilliseconds(40),
        };

        /// <summary>The 4 KiB 0x20 / 32 KiB 0x52 / 64 KiB 0xD8 set most parts share, with their typical times in ms.</summary>
        private static SpiNorEraseType[] StandardErases(double sector, double block32, double block64) => new[]
        {
            new SpiNorEraseType(4 * KiB, 0x20, null, TimeSpan.FromMilliseconds(sector)),
            new SpiNorEraseType(32 * KiB, 0x52, null, TimeSpan.FromMilliseconds(block32)),
            new SpiNorEraseType(64 * KiB, 0xD8, null, TimeSpan.FromMilliseconds(block64)),
        };
    }
}
