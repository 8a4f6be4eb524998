namespace SerprogNano.Protocol
{
    /// <summary>Opcodes of serprog protocol version 1 (flashrom's serprog-protocol.txt).</summary>
    public static class SerprogOpcode
    {
        public const byte Nop = 0x00;
        public const byte QueryInterface = 0x01;
        public const byte QueryCommandMap = 0x02;
        public const byte QueryProgrammerName = 0x03;
        public const byte QuerySerialBuffer = 0x04;
        public const byte QueryBusType = 0x05;
        public const byte QueryChipSize = 0x06;
        public const byte QueryOperationBuffer = 0x07;
        public const byte QueryWriteNMaxLength = 0x08;
        public const byte ReadByte = 0x09;
        public const byte ReadNBytes = 0x0A;
        public const byte InitOperationBuffer = 0x0B;
        public const byte WriteByteToBuffer = 0x0C;
        public const byte WriteNToBuffer = 0x0D;
        public const byte DelayInBuffer = 0x0E;
        public const byte ExecuteBuffer = 0x0F;
        public const byte SyncNop = 0x10;
        public const byte QueryReadNMaxLength = 0x11;
        public const byte SetBusType = 0x12;
        public const byte SpiOperation = 0x13;
        public const byte SetSpiFrequency = 0x14;
        public const byte SetPinState = 0x15;
        public const byte SetSpiChipSelect = 0x16;
        public const byte SetSpiMode = 0x17;
        public const byte SetChipSelectMode = 0x18;

        /// <summary>Highest opcode protocol version 1 defines.</summary>
        public const byte Last = SetChipSelectMode;
    }
}
