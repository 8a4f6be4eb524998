namespace SerprogNano.Protocol
{
    /// <summary>Fixed sizes and values of the SerprogNano extensions (protocol/EXTENSIONS.md).</summary>
    public static class SerprogNanoExtensions
    {
        /// <summary>Q_PGMNAME of every firmware that implements the extensions starts with this.</summary>
        public const string ProgrammerNamePrefix = "SerprogNano";

        /// <summary>O_NANO_SPIOP_WAIT parameters: u8 write-enable opcode, u8 status opcode, u8 mask, u16 time-out (ms), u24 slen.</summary>
        public const int WaitParameterLength = 8;

        /// <summary>O_NANO_SPIOP_WAIT reply after ACK: u8 outcome, u8 last status byte.</summary>
        public const int WaitReplyLength = 2;

        /// <summary>O_NANO_CRC32 parameters: u8 read opcode, u8 address bytes, u32 start, u24 block length, u16 block count.</summary>
        public const int CrcParameterLength = 11;

        /// <summary>O_NANO_CRC32 reply after ACK: one u32 per block.</summary>
        public const int CrcBytesPerBlock = 4;

        /// <summary>Outcome byte of O_NANO_SPIOP_WAIT: (status &amp; mask) == 0 was seen.</summary>
        public const byte WaitDone = 0;

        /// <summary>Outcome byte of O_NANO_SPIOP_WAIT: the time-out passed with the mask still set.</summary>
        public const byte WaitTimedOut = 1;

        /// <summary>Largest O_NANO_CRC32 block length (u24).</summary>
        public const int MaxCrcBlockLength = SerprogLimits.MaxLength24 - 1;

        /// <summary>Largest O_NANO_CRC32 block count (u16).</summary>
        public const int MaxCrcBlockCount = 0xFFFF;

        /// <summary>Whether a Q_PGMNAME answer names a firmware with the extensions.</summary>
        public static bool IsSerprogNanoName(string programmerName)
        {
            // Ordinal on purpose: a device name is ASCII, never a culture's text.
            return programmerName != null && programmerName.Length >= ProgrammerNamePrefix.Length
                && programmerName.Substring(0, ProgrammerNamePrefix.Length) == ProgrammerNamePrefix;
        }
    }
}
