namespace SerprogNano.Host.SpiNor
{
    /// <summary>Instruction bytes of 25xx SPI NOR flash (JEDEC and vendor common set).</summary>
    public static class SpiNorOpcode
    {
        public const byte WriteStatus = 0x01;
        public const byte PageProgram = 0x02;
        public const byte Read = 0x03;
        public const byte WriteDisable = 0x04;
        public const byte ReadStatus = 0x05;
        public const byte WriteEnable = 0x06;
        public const byte FastRead = 0x0B;
        public const byte PageProgram4Byte = 0x12;
        public const byte Read4Byte = 0x13;
        public const byte ReadStatus3 = 0x15;
        public const byte SectorErase = 0x20;
        public const byte SectorErase4Byte = 0x21;
        public const byte ReadStatus2 = 0x35;
        public const byte EnableWriteStatus = 0x50;
        public const byte BlockErase32 = 0x52;
        public const byte ReadSfdp = 0x5A;
        public const byte ChipErase60 = 0x60;
        public const byte ReadElectronicManufacturerId = 0x90;
        public const byte ReadJedecId = 0x9F;
        public const byte ReleasePowerDownId = 0xAB;
        public const byte AutoAddressIncrementWordProgram = 0xAD;
        public const byte Enter4ByteMode = 0xB7;
        public const byte ChipEraseC7 = 0xC7;
        public const byte BlockErase64 = 0xD8;
        public const byte BlockErase64FourByte = 0xDC;
        public const byte Exit4ByteMode = 0xE9;
    }
}
