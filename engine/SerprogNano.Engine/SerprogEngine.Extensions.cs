using SerprogNano.Protocol;

namespace SerprogNano.Engine
{
    /// <summary>The SerprogNano extensions (protocol/EXTENSIONS.md): device-side waiting (one operation or a run) and flash CRC-32.</summary>
    public partial class SerprogEngine
    {
        /// <summary>Most bytes handed to <see cref="ICrc32.Append"/> at once: the ESP32 native takes 16-bit lengths.</summary>
        public const int MaxCrcChunk = 32767;

        /// <summary>Status polls of O_NANO_SPIOP_WAIT per reading of the clock (a power of two) while it polls back to back.</summary>
        private const int PollsPerClockRead = 16;

        /// <summary>
        /// Most CRCs of O_NANO_CRC32 sent in one serial write, rather than a driver call per block: 128 bytes, so that a
        /// group goes straight into an ESP32 UART's idle TX FIFO and the write returns at once.
        /// </summary>
        private const int CrcsPerWrite = 32;

        /// <summary>A group's CRCs leave once this much has been read, so that a CRC is never sent much after its block.</summary>
        private const int CrcGroupBytes = 32768;

        private readonly byte[] _command = new byte[5];
        private readonly byte[] _blockCrcs = new byte[CrcsPerWrite * SerprogNanoExtensions.CrcBytesPerBlock];

        /// <summary>Whether the board gave what the extensions need; only then does Q_CMDMAP list them.</summary>
        private bool HasExtensions
        {
            get { return _crc != null && _time != null; }
        }

        /// <summary>
        /// O_NANO_SPIOP_WAIT (its layout: <see cref="SerprogNanoFrames"/>): one waited operation of slen bytes
        /// (<see cref="RunWaitedOperation"/>). Replies ACK, outcome, last status.
        /// </summary>
        private void HandleSpiOperationWait()
        {
            if (!HasExtensions)
            {
                SendNak();
                return;
            }

            if (!ReadParameters(SerprogNanoOpcode.SpiOperationWait))
            {
                return;
            }

            int writeLength = SerprogNanoFrames.WaitOperationLength(_parameters, 0);
            if (!ReceiveWaitedData(writeLength, true))
            {
                return;
            }

            byte writeEnable = SerprogNanoFrames.WaitWriteEnable(_parameters, 0);
            byte statusOpcode = SerprogNanoFrames.WaitStatusOpcode(_parameters, 0);
            byte mask = SerprogNanoFrames.WaitMask(_parameters, 0);
            int timeout = SerprogNanoFrames.WaitTimeoutMs(_parameters, 0);
            byte status = RunWaitedOperation(writeEnable, 0, writeLength, statusOpcode, mask, timeout);
            SerprogNanoFrames.WriteWaitReply(_reply, 1, (status & mask) == 0, status);
            SendReply(SerprogNanoOpcode.SpiOperationWait);
        }

        /// <summary>
        /// O_NANO_SPIOP_WAIT_RUN (its layout: <see cref="SerprogNanoFrames"/>): count operations of one length, each waited
        /// for as O_NANO_SPIOP_WAIT waits for its one, in order, stopping at the first that times out. One frame's reads,
        /// parsing and reply for a run of page programs: on a slow interpreter they cost about as much as a page's SPI work.
        /// Replies ACK, operations completed, outcome, last status.
        /// </summary>
        private void HandleSpiOperationWaitRun()
        {
            if (!HasExtensions)
            {
                SendNak();
                return;
            }

            if (!ReadParameters(SerprogNanoOpcode.SpiOperationWaitRun))
            {
                return;
            }

            int length = SerprogNanoFrames.WaitRunOperationLength(_parameters, 0);
            int count = SerprogNanoFrames.WaitRunCount(_parameters, 0);
            if (!ReceiveWaitedData(count * length, count >= 1 && length >= 1))
            {
                return;
            }

            byte writeEnable = SerprogNanoFrames.WaitWriteEnable(_parameters, 0);
            byte statusOpcode = SerprogNanoFrames.WaitStatusOpcode(_parameters, 0);
            byte mask = SerprogNanoFrames.WaitMask(_parameters, 0);
            int timeout = SerprogNanoFrames.WaitTimeoutMs(_parameters, 0);
            int completed = 0;
            byte status = 0;
            bool done = true;
            while (done && completed < count)
            {
                status = RunWaitedOperation(writeEnable, completed * length, length, statusOpcode, mask, timeout);
                done = (status & mask) == 0;
                if (done)
                {
                    completed++;
                }
            }

            SerprogNanoFrames.WriteWaitRunReply(_reply, 1, completed, done, status);
            SendReply(SerprogNanoOpcode.SpiOperationWaitRun);
        }

        /// <summary>
        /// Receives a waited frame's <paramref name="length"/> data bytes into <see cref="_data"/>, or answers NAK after
        /// swallowing them (so the next byte is read as an opcode) when the frame is not <paramref name="wellFormed"/>, the
        /// pins are released, chip select is held, or the length is not 1..min(buffer, Q_WRNMAXLEN). False when no work follows.
        /// </summary>
        private bool ReceiveWaitedData(int length, bool wellFormed)
        {
            // The whole frame is received before chip select goes low, so a frame that stops arriving never reaches the
            // chip half-sent; held chip-select modes would merge its cycles, so only auto is served.
            bool valid = wellFormed && _pinsDriven && _chipSelectMode == ChipSelectMode.Auto
                && length >= 1 && length <= _bufferSize && length <= _maxWriteLength;
            if (!valid)
            {
                if (Discard(length))
                {
                    SendNak();
                }

                return false;
            }

            return ReadData(_data, 0, length);
        }

        /// <summary>
        /// One waited operation from <see cref="_data"/>: the write enable (if not 0) in its own chip-select cycle, the
        /// <paramref name="length"/> bytes at <paramref name="offset"/> in the next, then the status register read until
        /// (status &amp; mask) == 0 or <paramref name="timeout"/> ms have passed. Returns the last status byte read.
        /// </summary>
        private byte RunWaitedOperation(byte writeEnable, int offset, int length, byte statusOpcode, byte mask, int timeout)
        {
            if (writeEnable != 0)
            {
                _command[0] = writeEnable;
                _spi.WriteCycle(_command, 0, 1);
            }

            _spi.WriteCycle(_data, offset, length);

            // Every poll is a chip-select cycle of its own, one driver call on a board that frames it (a held select
            // costs two more calls per cycle, for the edges). The first poll follows the operation at once: a page
            // program is usually over by then on a slow interpreter.
            byte status = PollStatus(statusOpcode);
            bool done = (status & mask) == 0;
            long started = done ? 0 : _time.Milliseconds;
            bool expired = false;
            bool slow = false;
            for (int poll = 1; !done && !expired; poll++)
            {
                // Past the board's spin time (an erase) it sleeps between polls rather than spin the processor and fill
                // the heap with the SPI calls' garbage; the time-out is read from the clock after every sleep.
                if (slow)
                {
                    _time.Sleep(1);
                }

                // While spinning the clock is read before every 16th poll only: on nanoFramework a read makes a DateTime
                // on the heap. Read before the poll, so a time-out is only declared on a poll made after the deadline;
                // strictly more ticks than the time-out, so a whole time-out has passed.
                if (slow || (poll & (PollsPerClockRead - 1)) == 0)
                {
                    long elapsed = _time.Milliseconds - started;
                    expired = elapsed > timeout;
                    slow = elapsed >= _statusSpinMilliseconds;
                }

                status = PollStatus(statusOpcode);
                done = (status & mask) == 0;
            }

            return status;
        }

        /// <summary>Reads the status register once, in a chip-select cycle of its own.</summary>
        private byte PollStatus(byte statusOpcode)
        {
            _command[0] = statusOpcode;
            _command[1] = IdleByte;
            _spi.ExchangeCycle(_command, 0, 2);
            return _command[1];
        }

        /// <summary>
        /// O_NANO_CRC32 (its layout: <see cref="SerprogNanoFrames"/>): answers ACK, reads the run of blocks with one read
        /// command and sends their CRC-32s in small groups as the blocks are done.
        /// </summary>
        private void HandleFlashCrc32()
        {
            if (!BeginBlockRun(SerprogNanoOpcode.FlashCrc32, SerprogNanoExtensions.MaxCrcBlockLength))
            {
                return;
            }

            int blockLength = SerprogNanoFrames.CrcBlockLength(_parameters, 0);
            int blockCount = SerprogNanoFrames.CrcBlockCount(_parameters, 0);
            int chunkLimit = _bufferSize < MaxCrcChunk ? _bufferSize : MaxCrcChunk;
            int grouped = 0;
            int block = 0;
            while (block < blockCount)
            {
                if (blockLength <= chunkLimit)
                {
                    // Small blocks: one SPI transfer for as many whole blocks as the buffer and the group still hold.
                    int count = chunkLimit / blockLength;
                    count = count < CrcsPerWrite - grouped ? count : CrcsPerWrite - grouped;
                    count = count < blockCount - block ? count : blockCount - block;
                    _spi.Read(_data, 0, count * blockLength);
                    for (int i = 0; i < count; i++)
                    {
                        SerprogNanoFrames.WriteBlockCrc(_blockCrcs, grouped * SerprogNanoExtensions.CrcBytesPerBlock, _crc.Compute(_data, i * blockLength, blockLength));
                        grouped++;
                    }

                    block += count;
                }
                else
                {
                    SerprogNanoFrames.WriteBlockCrc(_blockCrcs, grouped * SerprogNanoExtensions.CrcBytesPerBlock, NextBlockCrc(blockLength, chunkLimit));
                    grouped++;
                    block++;
                }

                if (grouped == CrcsPerWrite || grouped * blockLength >= CrcGroupBytes || block == blockCount)
                {
                    _link.Write(_blockCrcs, 0, grouped * SerprogNanoExtensions.CrcBytesPerBlock);
                    grouped = 0;
                }
            }

            _spi.SetChipSelect(false);
        }

        /// <summary>
        /// Starts O_NANO_CRC32 or O_NANO_READ_SPARSE (the same parameters: a run of blocks from a start address): reads and
        /// checks the parameters, answers ACK, then lowers chip select and sends the read command once for the whole run (a
        /// 25xx read goes on through the array for as long as chip select stays low, so a block costs no command or
        /// chip-select edges of its own). False, after a NAK, when the run is impossible; nothing then reaches the chip.
        /// </summary>
        private bool BeginBlockRun(byte opcode, int maxBlockLength)
        {
            if (!HasExtensions)
            {
                SendNak();
                return false;
            }

            if (!ReadParameters(opcode))
            {
                return false;
            }

            int addressBytes = SerprogNanoFrames.CrcAddressBytes(_parameters, 0);
            uint start = SerprogNanoFrames.CrcStart(_parameters, 0);
            int blockLength = SerprogNanoFrames.CrcBlockLength(_parameters, 0);
            int blockCount = SerprogNanoFrames.CrcBlockCount(_parameters, 0);
            ulong end = start + ((ulong)blockLength * (ulong)blockCount);
            ulong addressable = addressBytes == 3 ? (ulong)SerprogLimits.MaxLength24 : 0x100000000UL;
            bool valid = _pinsDriven && _chipSelectMode == ChipSelectMode.Auto && (addressBytes == 3 || addressBytes == 4)
                && blockLength >= 1 && blockLength <= maxBlockLength && blockCount >= 1 && end <= addressable;
            if (!valid)
            {
                SendNak();
                return false;
            }

            _reply[0] = SerprogReply.Ack;
            _link.Write(_reply, 0, 1);
            _command[0] = SerprogNanoFrames.CrcReadOpcode(_parameters, 0);
            uint address = start;
            for (int i = addressBytes; i >= 1; i--)
            {
                _command[i] = (byte)address;
                address >>= 8;
            }

            _spi.SetChipSelect(true);
            _spi.Write(_command, 0, 1 + addressBytes);
            return true;
        }

        /// <summary>The CRC-32 of the next <paramref name="length"/> bytes of a read in progress, in chunks of at most <paramref name="chunkLimit"/>.</summary>
        private uint NextBlockCrc(int length, int chunkLimit)
        {
            _crc.Reset();
            int left = length;
            while (left > 0)
            {
                int chunk = left < chunkLimit ? left : chunkLimit;
                _spi.Read(_data, 0, chunk);
                _crc.Append(_data, 0, chunk);
                left -= chunk;
            }

            return _crc.Current;
        }
    }
}
