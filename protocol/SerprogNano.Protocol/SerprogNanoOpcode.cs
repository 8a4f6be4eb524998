namespace SerprogNano.Protocol
{
    /// <summary>
    /// Opcodes of the SerprogNano extensions (protocol/EXTENSIONS.md). They sit at 0x80, far above serprog v1's
    /// 0x00..0x18, so no v1 client ever sends one; a host uses them only when Q_CMDMAP lists them and Q_PGMNAME
    /// starts with <see cref="SerprogNanoExtensions.ProgrammerNamePrefix"/>.
    /// </summary>
    public static class SerprogNanoOpcode
    {
        /// <summary>O_NANO_SPIOP_WAIT: optional write enable, one write-only SPI operation, then device-side status polling.</summary>
        public const byte SpiOperationWait = 0x80;

        /// <summary>O_NANO_CRC32: CRC-32 of consecutive flash blocks, read from the chip by the device.</summary>
        public const byte FlashCrc32 = 0x81;

        /// <summary>O_NANO_SPIOP_WAIT_RUN: a run of waited operations of one shape (page programs) in one frame.</summary>
        public const byte SpiOperationWaitRun = 0x82;

        /// <summary>
        /// O_NANO_READ_SPARSE: reads a run of pieces under one read command and sends only the pieces that are not erased,
        /// with the CRC-32 of every piece.
        /// </summary>
        public const byte SparseRead = 0x83;

        /// <summary>
        /// O_NANO_SET_BAUD: moves the device's UART to another rate after the handshake; the new rate holds only once the
        /// host has confirmed it twice at that rate.
        /// </summary>
        public const byte SetBaudRate = 0x84;

        public const byte First = SpiOperationWait;

        public const byte Last = SetBaudRate;
    }
}
