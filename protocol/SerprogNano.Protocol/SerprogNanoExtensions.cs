namespace SerprogNano.Protocol
{
    /// <summary>Fixed sizes and values of the SerprogNano extensions (protocol/EXTENSIONS.md).</summary>
    public static class SerprogNanoExtensions
    {
        /// <summary>Q_PGMNAME of every firmware that implements the extensions starts with this.</summary>
        public const string ProgrammerNamePrefix = "SerprogNano";

        /// <summary>Bytes of O_NANO_SPIOP_WAIT's parameters (their layout: <see cref="SerprogNanoFrames"/>).</summary>
        public const int WaitParameterLength = 8;

        /// <summary>Bytes of O_NANO_SPIOP_WAIT's reply after the ACK: outcome and last status byte.</summary>
        public const int WaitReplyLength = 2;

        /// <summary>Bytes of O_NANO_SPIOP_WAIT_RUN's parameters (their layout: <see cref="SerprogNanoFrames"/>).</summary>
        public const int WaitRunParameterLength = 8;

        /// <summary>Bytes of O_NANO_SPIOP_WAIT_RUN's reply after the ACK: operations completed, outcome, last status byte.</summary>
        public const int WaitRunReplyLength = 3;

        /// <summary>Most operations one O_NANO_SPIOP_WAIT_RUN carries (u8 count).</summary>
        public const int MaxWaitRunCount = 0xFF;

        /// <summary>Longest operation of an O_NANO_SPIOP_WAIT_RUN (u16 length).</summary>
        public const int MaxWaitRunOperationLength = 0xFFFF;

        /// <summary>Bytes of O_NANO_CRC32's parameters (their layout: <see cref="SerprogNanoFrames"/>).</summary>
        public const int CrcParameterLength = 11;

        /// <summary>Bytes per block of O_NANO_CRC32's reply after the ACK: one u32 CRC each.</summary>
        public const int CrcBytesPerBlock = 4;

        /// <summary>
        /// Most pieces in one O_NANO_READ_SPARSE group: its header (a count, a 32-bit map of the pieces carried and a CRC per
        /// piece, 125 bytes) then fits an ESP32 UART's 128-byte TX FIFO, so a group of erased pieces leaves in one write
        /// that returns at once.
        /// </summary>
        public const int MaxSparsePiecesPerGroup = 30;

        /// <summary>Bytes of an O_NANO_READ_SPARSE group header before its CRCs: u8 piece count, u32 map of the pieces carried.</summary>
        public const int SparseGroupFixedLength = 5;

        /// <summary>Largest O_NANO_READ_SPARSE piece: a device holds a group of at least one piece in its buffer.</summary>
        public const int MaxSparsePieceLength = 4096;

        /// <summary>Bytes of O_NANO_SET_BAUD's parameters: the new rate (u32); the reply is a bare ACK or NAK.</summary>
        public const int BaudParameterLength = 4;

        /// <summary>Slowest rate O_NANO_SET_BAUD accepts: below it a change only makes the link slower than any boot rate.</summary>
        public const int MinBaudRate = 9600;

        /// <summary>
        /// How long a device waits at the new rate for each confirmation of O_NANO_SET_BAUD before it goes back to the
        /// rate it had; a device whose reads end only after its frame time-out may wait that much longer.
        /// </summary>
        public const int BaudConfirmTimeoutMilliseconds = 1000;

        /// <summary>
        /// A device is back at its old rate at most this long after its last reply at the new rate (its confirmation
        /// time-out, and a read that ends only after its frame time-out: 500 ms on SerprogNano): a host that gives up on
        /// a new rate waits this long before it speaks at the old one.
        /// </summary>
        public const int BaudRevertMilliseconds = 2000;

        /// <summary>
        /// Bytes a device may still have to send when it has written O_NANO_SET_BAUD's ACK: an ESP32 UART's 128-byte TX
        /// FIFO and its shift register. It waits for them to leave at the old rate before it switches.
        /// </summary>
        public const int BaudDrainBytes = 129;

        /// <summary>
        /// How long a device may take, once those bytes have left, to switch (a scheduler tick or two on an ESP32): a host
        /// sends its first byte at the new rate only after <see cref="BaudSwitchWaitMilliseconds"/>.
        /// </summary>
        public const int BaudSwitchMilliseconds = 100;

        /// <summary>Confirmations of O_NANO_SET_BAUD at the new rate before the device holds it: one proves each direction.</summary>
        public const int BaudConfirmations = 2;

        /// <summary>Outcome byte of O_NANO_SPIOP_WAIT and O_NANO_SPIOP_WAIT_RUN: (status &amp; mask) == 0 was seen.</summary>
        public const byte WaitDone = 0;

        /// <summary>Outcome byte of O_NANO_SPIOP_WAIT and O_NANO_SPIOP_WAIT_RUN: the time-out passed with the mask still set.</summary>
        public const byte WaitTimedOut = 1;

        /// <summary>Largest O_NANO_CRC32 block length (u24).</summary>
        public const int MaxCrcBlockLength = SerprogLimits.MaxLength24 - 1;

        /// <summary>Largest O_NANO_CRC32 block count (u16).</summary>
        public const int MaxCrcBlockCount = 0xFFFF;

        /// <summary>How long <see cref="BaudDrainBytes"/> take at <paramref name="baudRate"/> (8N1: 10 bits a byte), rounded up.</summary>
        public static int BaudDrainMilliseconds(int baudRate)
        {
            return ((BaudDrainBytes * 10 * 1000) + baudRate - 1) / baudRate;
        }

        /// <summary>How long a host waits after O_NANO_SET_BAUD's ACK, sent at <paramref name="oldBaudRate"/>, before it speaks at the new rate.</summary>
        public static int BaudSwitchWaitMilliseconds(int oldBaudRate)
        {
            return BaudDrainMilliseconds(oldBaudRate) + BaudSwitchMilliseconds;
        }

        /// <summary>Whether a Q_PGMNAME answer names a firmware with the extensions.</summary>
        public static bool IsSerprogNanoName(string programmerName)
        {
            // Ordinal on purpose: a device name is ASCII, never a culture's text.
            return programmerName != null && programmerName.Length >= ProgrammerNamePrefix.Length
                && programmerName.Substring(0, ProgrammerNamePrefix.Length) == ProgrammerNamePrefix;
        }
    }
}
