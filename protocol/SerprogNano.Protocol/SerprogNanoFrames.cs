namespace SerprogNano.Protocol
{
    /// <summary>
    /// The byte layouts of the SerprogNano extensions' parameters and replies (protocol/EXTENSIONS.md), encoded and
    /// decoded here only: the host writes what the engine reads and the other way round. Each method takes the
    /// offset where the parameters (after the opcode) or the reply (after the ACK) begin, and allocates nothing.
    /// </summary>
    public static class SerprogNanoFrames
    {
        // O_NANO_SPIOP_WAIT parameters: u8 write-enable opcode, u8 status opcode, u8 mask, u16 time-out (ms), u24 slen.
        private const int WaitWriteEnableAt = 0;
        private const int WaitStatusOpcodeAt = 1;
        private const int WaitMaskAt = 2;
        private const int WaitTimeoutAt = 3;
        private const int WaitLengthAt = 5;

        // O_NANO_SPIOP_WAIT reply: u8 outcome, u8 last status byte.
        private const int WaitOutcomeAt = 0;
        private const int WaitStatusAt = 1;

        // O_NANO_SPIOP_WAIT_RUN parameters: u8 write-enable opcode, u8 status opcode, u8 mask (as O_NANO_SPIOP_WAIT's),
        // u16 time-out per operation (ms), u16 operation length, u8 operation count.
        private const int RunOperationLengthAt = 5;
        private const int RunCountAt = 7;

        // O_NANO_SPIOP_WAIT_RUN reply: u8 operations completed, u8 outcome, u8 last status byte.
        private const int RunCompletedAt = 0;
        private const int RunOutcomeAt = 1;

        // O_NANO_CRC32 parameters (O_NANO_READ_SPARSE's too, its pieces as the blocks): u8 read opcode, u8 address bytes,
        // u32 start, u24 block length, u16 block count.
        private const int CrcReadOpcodeAt = 0;
        private const int CrcAddressBytesAt = 1;
        private const int CrcStartAt = 2;
        private const int CrcBlockLengthAt = 6;
        private const int CrcBlockCountAt = 9;

        // O_NANO_SET_BAUD parameters: u32 rate in baud.
        private const int BaudRateAt = 0;

        public static void WriteWaitParameters(byte[] buffer, int offset, byte writeEnable, byte statusOpcode, byte mask, int timeoutMs, int operationLength)
        {
            buffer[offset + WaitWriteEnableAt] = writeEnable;
            buffer[offset + WaitStatusOpcodeAt] = statusOpcode;
            buffer[offset + WaitMaskAt] = mask;
            LittleEndian.WriteUInt16(buffer, offset + WaitTimeoutAt, timeoutMs);
            LittleEndian.WriteUInt24(buffer, offset + WaitLengthAt, operationLength);
        }

        /// <summary>The opcode sent alone before the operation, or 0 for none.</summary>
        public static byte WaitWriteEnable(byte[] parameters, int offset)
        {
            return parameters[offset + WaitWriteEnableAt];
        }

        public static byte WaitStatusOpcode(byte[] parameters, int offset)
        {
            return parameters[offset + WaitStatusOpcodeAt];
        }

        /// <summary>Polling ends once (status &amp; mask) == 0.</summary>
        public static byte WaitMask(byte[] parameters, int offset)
        {
            return parameters[offset + WaitMaskAt];
        }

        public static int WaitTimeoutMs(byte[] parameters, int offset)
        {
            return LittleEndian.ReadUInt16(parameters, offset + WaitTimeoutAt);
        }

        /// <summary>slen: the bytes of the operation that follow the parameters.</summary>
        public static int WaitOperationLength(byte[] parameters, int offset)
        {
            return LittleEndian.ReadUInt24(parameters, offset + WaitLengthAt);
        }

        public static void WriteWaitReply(byte[] buffer, int offset, bool done, byte status)
        {
            buffer[offset + WaitOutcomeAt] = done ? SerprogNanoExtensions.WaitDone : SerprogNanoExtensions.WaitTimedOut;
            buffer[offset + WaitStatusAt] = status;
        }

        /// <summary>Whether the wait ended with the mask still set (any outcome but done).</summary>
        public static bool WaitTimedOut(byte[] reply, int offset)
        {
            return reply[offset + WaitOutcomeAt] != SerprogNanoExtensions.WaitDone;
        }

        /// <summary>The last status byte the device read.</summary>
        public static byte WaitStatus(byte[] reply, int offset)
        {
            return reply[offset + WaitStatusAt];
        }

        /// <summary>
        /// O_NANO_SPIOP_WAIT_RUN's parameters. Its first five bytes are laid out as O_NANO_SPIOP_WAIT's, so
        /// <see cref="WaitWriteEnable"/>, <see cref="WaitStatusOpcode"/>, <see cref="WaitMask"/> and <see cref="WaitTimeoutMs"/>
        /// read them for both.
        /// </summary>
        public static void WriteWaitRunParameters(byte[] buffer, int offset, byte writeEnable, byte statusOpcode, byte mask, int timeoutMs, int operationLength, int count)
        {
            buffer[offset + WaitWriteEnableAt] = writeEnable;
            buffer[offset + WaitStatusOpcodeAt] = statusOpcode;
            buffer[offset + WaitMaskAt] = mask;
            LittleEndian.WriteUInt16(buffer, offset + WaitTimeoutAt, timeoutMs);
            LittleEndian.WriteUInt16(buffer, offset + RunOperationLengthAt, operationLength);
            buffer[offset + RunCountAt] = (byte)count;
        }

        /// <summary>Bytes of each operation of a run.</summary>
        public static int WaitRunOperationLength(byte[] parameters, int offset)
        {
            return LittleEndian.ReadUInt16(parameters, offset + RunOperationLengthAt);
        }

        /// <summary>Operations in a run: as many blocks of <see cref="WaitRunOperationLength"/> bytes follow the parameters.</summary>
        public static int WaitRunCount(byte[] parameters, int offset)
        {
            return parameters[offset + RunCountAt];
        }

        /// <summary>Bytes of data that follow a run's parameters: count x operation length.</summary>
        public static int WaitRunDataLength(byte[] parameters, int offset)
        {
            return WaitRunCount(parameters, offset) * WaitRunOperationLength(parameters, offset);
        }

        /// <summary>
        /// A run's reply: <paramref name="completed"/> operations ended with the mask clear; when <paramref name="done"/>
        /// is false the next one timed out and the rest were not sent. <paramref name="status"/>: the last status byte read.
        /// </summary>
        public static void WriteWaitRunReply(byte[] buffer, int offset, int completed, bool done, byte status)
        {
            buffer[offset + RunCompletedAt] = (byte)completed;
            WriteWaitReply(buffer, offset + RunOutcomeAt, done, status);
        }

        /// <summary>Operations of the run that ended with the mask clear, from the first.</summary>
        public static int WaitRunCompleted(byte[] reply, int offset)
        {
            return reply[offset + RunCompletedAt];
        }

        /// <summary>The outcome byte of a run's reply, as sent: <see cref="SerprogNanoExtensions.WaitDone"/>, <see cref="SerprogNanoExtensions.WaitTimedOut"/>, or what the link made of them.</summary>
        public static byte WaitRunOutcome(byte[] reply, int offset)
        {
            return reply[offset + RunOutcomeAt];
        }

        /// <summary>The last status byte the device read in a run.</summary>
        public static byte WaitRunStatus(byte[] reply, int offset)
        {
            return WaitStatus(reply, offset + RunOutcomeAt);
        }

        public static void WriteCrcParameters(byte[] buffer, int offset, byte readOpcode, int addressBytes, uint start, int blockLength, int blockCount)
        {
            buffer[offset + CrcReadOpcodeAt] = readOpcode;
            buffer[offset + CrcAddressBytesAt] = (byte)addressBytes;
            LittleEndian.WriteUInt32(buffer, offset + CrcStartAt, start);
            LittleEndian.WriteUInt24(buffer, offset + CrcBlockLengthAt, blockLength);
            LittleEndian.WriteUInt16(buffer, offset + CrcBlockCountAt, blockCount);
        }

        public static byte CrcReadOpcode(byte[] parameters, int offset)
        {
            return parameters[offset + CrcReadOpcodeAt];
        }

        public static int CrcAddressBytes(byte[] parameters, int offset)
        {
            return parameters[offset + CrcAddressBytesAt];
        }

        public static uint CrcStart(byte[] parameters, int offset)
        {
            return LittleEndian.ReadUInt32(parameters, offset + CrcStartAt);
        }

        public static int CrcBlockLength(byte[] parameters, int offset)
        {
            return LittleEndian.ReadUInt24(parameters, offset + CrcBlockLengthAt);
        }

        public static int CrcBlockCount(byte[] parameters, int offset)
        {
            return LittleEndian.ReadUInt16(parameters, offset + CrcBlockCountAt);
        }

        /// <summary>Bytes of the whole O_NANO_CRC32 reply after the ACK: one CRC per block.</summary>
        public static int CrcReplyLength(int blockCount)
        {
            return blockCount * SerprogNanoExtensions.CrcBytesPerBlock;
        }

        /// <summary>Writes one block's CRC as the reply carries it; the device sends them in small groups as the blocks are done.</summary>
        public static void WriteBlockCrc(byte[] buffer, int offset, uint crc)
        {
            LittleEndian.WriteUInt32(buffer, offset, crc);
        }

        /// <summary>The CRC of block <paramref name="block"/> of a reply that begins at <paramref name="offset"/>.</summary>
        public static uint BlockCrc(byte[] reply, int offset, int block)
        {
            return LittleEndian.ReadUInt32(reply, offset + (block * SerprogNanoExtensions.CrcBytesPerBlock));
        }

        /// <summary>Bytes of an O_NANO_READ_SPARSE group header for <paramref name="pieces"/> pieces: count, map, a CRC each.</summary>
        public static int SparseGroupHeaderLength(int pieces)
        {
            return SerprogNanoExtensions.SparseGroupFixedLength + (pieces * SerprogNanoExtensions.CrcBytesPerBlock);
        }

        /// <summary>A group's count and map: bit i of <paramref name="carried"/> set when piece i's bytes follow the header.</summary>
        public static void WriteSparseGroupHeader(byte[] buffer, int offset, int pieces, uint carried)
        {
            buffer[offset] = (byte)pieces;
            LittleEndian.WriteUInt32(buffer, offset + 1, carried);
        }

        /// <summary>Pieces the group at <paramref name="offset"/> covers.</summary>
        public static int SparseGroupPieces(byte[] header, int offset)
        {
            return header[offset];
        }

        /// <summary>The group's map: bit i set when piece i's bytes follow the header, clear when the piece is erased.</summary>
        public static uint SparseGroupCarried(byte[] header, int offset)
        {
            return LittleEndian.ReadUInt32(header, offset + 1);
        }

        /// <summary>Writes piece <paramref name="piece"/>'s CRC-32 into the group header at <paramref name="offset"/>.</summary>
        public static void WriteSparseGroupCrc(byte[] header, int offset, int piece, uint crc)
        {
            WriteBlockCrc(header, offset + SerprogNanoExtensions.SparseGroupFixedLength + (piece * SerprogNanoExtensions.CrcBytesPerBlock), crc);
        }

        /// <summary>The CRC-32 of piece <paramref name="piece"/> of the group header at <paramref name="offset"/>.</summary>
        public static uint SparseGroupCrc(byte[] header, int offset, int piece)
        {
            return BlockCrc(header, offset + SerprogNanoExtensions.SparseGroupFixedLength, piece);
        }
    
        /// <summary>O_NANO_SET_BAUD's parameters: the rate to move to, in baud (the confirmations repeat them).</summary>
        public static void WriteBaudParameters(byte[] buffer, int offset, uint baudRate)
        {
            LittleEndian.WriteUInt32(buffer, offset + BaudRateAt, baudRate);
        }

        /// <summary>The rate an O_NANO_SET_BAUD asks for, in baud.</summary>
        public static uint BaudRate(byte[] parameters, int offset)
        {
            return LittleEndian.ReadUInt32(parameters, offset + BaudRateAt);
        }
    }
}
