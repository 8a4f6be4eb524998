using System.Collections.Generic;

namespace SerprogNano.Chips
{
    /// <summary>
    /// The 25xx SPI NOR instruction bytes host, emulator and tests send (flashprog's include/spi.h set).
    /// Erase opcodes a chip offers are data in chips.json; every one of them is named here, and the validator
    /// accepts no other.
    /// </summary>
    public static class SpiNorOpcodes
    {
        /// <summary>The erase opcodes chips.json may give a block, each taking a 3-byte address (4-byte in EN4B mode).</summary>
        public static IReadOnlyList<byte> BlockEraseOpcodes { get; } =
            [PageErase81, PageEraseDB, SectorErase2K50, SectorErase4K, SectorEraseD7, BlockErase32K, BlockErase64K, DieEraseC4];

        /// <summary>The whole-chip erase opcodes.</summary>
        public static IReadOnlyList<byte> ChipEraseOpcodes { get; } = [ChipErase60, ChipErase62, ChipEraseC7];

        /// <summary>The 4-byte-address erase opcodes each 3-byte one may have: a block's opcode4Byte must be one of its own.</summary>
        public static IReadOnlyDictionary<byte, byte[]> FourByteEraseTwins { get; } = new Dictionary<byte, byte[]>
        {
            [SectorErase4K] = [SectorErase4K4Byte],
            [BlockErase32K] = [BlockErase32K4Byte, BlockErase32K4ByteSpansion],
            [BlockErase64K] = [BlockErase64K4Byte],
        };

        /// <summary>WRSR: the next bytes land in status register 1 (and on, as the part takes them).</summary>
        public const byte WriteStatus = 0x01;

        /// <summary>PP: program up to a page (one byte on byte-programmed SST parts).</summary>
        public const byte PageProgram = 0x02;

        public const byte Read = 0x03;

        /// <summary>WRDI: clears WEL; also ends SST AAI.</summary>
        public const byte WriteDisable = 0x04;

        /// <summary>RDSR: status register 1.</summary>
        public const byte ReadStatus = 0x05;

        /// <summary>WREN: sets WEL.</summary>
        public const byte WriteEnable = 0x06;

        public const byte FastRead = 0x0B;

        public const byte FastRead4Byte = 0x0C;

        /// <summary>Winbond WRSR3: status register 3 alone.</summary>
        public const byte WriteStatus3 = 0x11;

        public const byte PageProgram4Byte = 0x12;

        public const byte Read4Byte = 0x13;

        /// <summary>RDSR3 (Macronix: read configuration register).</summary>
        public const byte ReadStatus3 = 0x15;

        /// <summary>Atmel AT25F's product id read (maker and device byte), in place of RDID.</summary>
        public const byte ReadProductIdAt25f = 0x15;

        /// <summary>4 KiB sector erase.</summary>
        public const byte SectorErase4K = 0x20;

        public const byte SectorErase4K4Byte = 0x21;

        /// <summary>Winbond WRSR2: status register 2 alone.</summary>
        public const byte WriteStatus2 = 0x31;

        /// <summary>RDSR2: status register 2.</summary>
        public const byte ReadStatus2 = 0x35;

        /// <summary>2 KiB block erase (Atmel AT26DF041).</summary>
        public const byte SectorErase2K50 = 0x50;

        /// <summary>EWSR (SST) / volatile status write enable (Winbond): lets the next WRSR through without WEL.</summary>
        public const byte EnableWriteStatus = 0x50;

        /// <summary>32 KiB block erase (64 KiB on some older Macronix parts).</summary>
        public const byte BlockErase32K = 0x52;

        /// <summary>RDSFDP: JESD216 parameter tables.</summary>
        public const byte ReadSfdp = 0x5A;

        /// <summary>32 KiB block erase with a 4-byte address (Spansion S25FL-L).</summary>
        public const byte BlockErase32K4ByteSpansion = 0x53;

        public const byte BlockErase32K4Byte = 0x5C;

        public const byte ChipErase60 = 0x60;

        /// <summary>Chip erase of Atmel AT25F parts.</summary>
        public const byte ChipErase62 = 0x62;

        /// <summary>256-byte page erase (Atmel AT26DF041).</summary>
        public const byte PageErase81 = 0x81;

        /// <summary>REMS: manufacturer and device byte.</summary>
        public const byte ReadManufacturerDeviceId = 0x90;

        /// <summary>RDID: manufacturer, memory type, capacity.</summary>
        public const byte ReadJedecId = 0x9F;

        /// <summary>RES: release from deep power-down and read the electronic signature.</summary>
        public const byte ReleasePowerDownId = 0xAB;

        /// <summary>SST auto-address-increment word program.</summary>
        public const byte AaiWordProgram = 0xAD;

        /// <summary>EN4B.</summary>
        public const byte Enter4ByteMode = 0xB7;

        /// <summary>Die erase: one die of a stacked part (Micron N25Q and MT25Q of 512 Mbit and more).</summary>
        public const byte DieEraseC4 = 0xC4;

        public const byte ChipEraseC7 = 0xC7;

        /// <summary>Sector erase of older parts (PMC Pm25LV, Sanyo LE25F): 2 to 8 KiB.</summary>
        public const byte SectorEraseD7 = 0xD7;

        /// <summary>64 KiB block erase.</summary>
        public const byte BlockErase64K = 0xD8;

        /// <summary>256-byte page erase (Micron M45PE, Sanyo LE25FW).</summary>
        public const byte PageEraseDB = 0xDB;

        public const byte BlockErase64K4Byte = 0xDC;

        /// <summary>EX4B.</summary>
        public const byte Exit4ByteMode = 0xE9;
    }
}
