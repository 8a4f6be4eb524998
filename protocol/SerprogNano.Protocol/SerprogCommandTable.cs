namespace SerprogNano.Protocol
{
    /// <summary>
    /// Every opcode of serprog v1 and of the SerprogNano extensions with the bytes that follow it and the
    /// bytes that follow its ACK: the one home of these lengths for the engine, the client and the tests.
    /// Lengths are the fixed part: O_SPIOP's parameters are followed by slen data bytes and its reply
    /// by rlen bytes, which <see cref="Variable"/> marks.
    /// </summary>
    public static class SerprogCommandTable
    {
        /// <summary>Marks a reply whose length the frame's own parameters give.</summary>
        public const int Variable = -1;

        /// <summary>The longest fixed parameters of any opcode here (O_NANO_CRC32's): what a frame buffer must hold.</summary>
        public const int MaxParameterLength = SerprogNanoExtensions.CrcParameterLength;

        // Indexed by opcode 0x00..0x18; one row per opcode keeps the table readable against the spec.
        private static readonly string[] Names =
        {
            "NOP", "Q_IFACE", "Q_CMDMAP", "Q_PGMNAME", "Q_SERBUF", "Q_BUSTYPE", "Q_CHIPSIZE", "Q_OPBUF",
            "Q_WRNMAXLEN", "R_BYTE", "R_NBYTES", "O_INIT", "O_WRITEB", "O_WRITEN", "O_DELAY", "O_EXEC",
            "SYNCNOP", "Q_RDNMAXLEN", "S_BUSTYPE", "O_SPIOP", "S_SPI_FREQ", "S_PIN_STATE", "S_SPI_CS",
            "S_SPI_MODE", "S_CS_MODE",
        };

        private static readonly int[] ParameterLengths =
        {
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 3, 6, 0, 4, 6, 4, 0,
            0, 0, 1, 6, 4, 1, 1,
            1, 1,
        };

        private static readonly int[] ReplyLengths =
        {
            0, 2, SerprogLimits.CommandMapLength, SerprogLimits.ProgrammerNameLength, 2, 1, 1, 2,
            3, 1, Variable, 0, 0, 0, 0, 0,
            0, 3, 0, Variable, 4, 0, 0,
            0, 0,
        };

        // The extensions (protocol/EXTENSIONS.md), indexed by opcode - SerprogNanoOpcode.First.
        private static readonly string[] ExtensionNames = { "O_NANO_SPIOP_WAIT", "O_NANO_CRC32", "O_NANO_SPIOP_WAIT_RUN", "O_NANO_READ_SPARSE", "O_NANO_SET_BAUD" };

        private static readonly int[] ExtensionParameterLengths =
        {
            SerprogNanoExtensions.WaitParameterLength, SerprogNanoExtensions.CrcParameterLength, SerprogNanoExtensions.WaitRunParameterLength,
            SerprogNanoExtensions.CrcParameterLength, SerprogNanoExtensions.BaudParameterLength,
        };

        private static readonly int[] ExtensionReplyLengths =
        {
            SerprogNanoExtensions.WaitReplyLength, Variable, SerprogNanoExtensions.WaitRunReplyLength, Variable, 0,
        };

        /// <summary>Whether serprog v1 or the SerprogNano extensions define the opcode.</summary>
        public static bool IsDefined(int opcode)
        {
            return (opcode >= 0 && opcode <= SerprogOpcode.Last) || IsExtension(opcode);
        }

        /// <summary>Whether the opcode is one of the SerprogNano extensions.</summary>
        public static bool IsExtension(int opcode)
        {
            return opcode >= SerprogNanoOpcode.First && opcode <= SerprogNanoOpcode.Last;
        }

        /// <summary>The spec's name of an opcode, or "0xNN" for one it does not define.</summary>
        public static string NameOf(int opcode)
        {
            if (IsExtension(opcode))
            {
                return ExtensionNames[opcode - SerprogNanoOpcode.First];
            }

            return IsDefined(opcode) ? Names[opcode] : "0x" + opcode.ToString("X2");
        }

        /// <summary>Fixed parameter bytes after the opcode; for O_SPIOP the 6 header bytes (slen data follows).</summary>
        public static int ParameterLength(int opcode)
        {
            return IsExtension(opcode) ? ExtensionParameterLengths[opcode - SerprogNanoOpcode.First] : ParameterLengths[opcode];
        }

        /// <summary>Fixed reply bytes after ACK, or <see cref="Variable"/> where the parameters say.</summary>
        public static int ReplyLength(int opcode)
        {
            return IsExtension(opcode) ? ExtensionReplyLengths[opcode - SerprogNanoOpcode.First] : ReplyLengths[opcode];
        }

        /// <summary>True where the frame carries data whose length its parameters give (O_WRITEN, O_SPIOP, O_NANO_SPIOP_WAIT, O_NANO_SPIOP_WAIT_RUN).</summary>
        public static bool HasVariableData(int opcode)
        {
            return opcode == SerprogOpcode.WriteNToBuffer || opcode == SerprogOpcode.SpiOperation || opcode == SerprogNanoOpcode.SpiOperationWait
                || opcode == SerprogNanoOpcode.SpiOperationWaitRun;
        }
    }
}
