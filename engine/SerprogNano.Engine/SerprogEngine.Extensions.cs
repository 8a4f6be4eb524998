using SerprogNano.Protocol;

namespace SerprogNano.Engine
{
    /// <summary>The SerprogNano extensions (protocol/EXTENSIONS.md): device-side waiting and flash CRC-32.</summary>
    public partial class SerprogEngine
    {
        /// <summary>Most bytes handed to <see cref="ICrc32.Append"/> at once: the ESP32 native takes 16-bit lengths.</summary>
        public const int MaxCrcChunk = 32767;

        /// <summary>Status polls of O_NANO_SPIOP_WAIT per reading of the clock (a power of two) while it polls back to back.</summary>
        private const int PollsPerClockRead = 16;

        /// <summary>
        /// How long O_NANO_SPIOP_WAIT polls back to back: a page program or status write is over by then. Past it (an
        /// erase, tens of milliseconds or more) it sleeps between polls, rather than spin the interpreter and fill the
        /// heap with the SPI calls' garbage for the whole erase; the UART keeps receiving meanwhile. On the ESP32 that
        /// sleep is one FreeRTOS tick (nanoFramework's Thread.Sleep(1): up to 10 ms at 100 Hz, see firmware/README.md),
        /// so an erase's end is seen up to a tick late; the time-out is read from the clock after every sleep.
        /// </summary>
        private const int SpinMilliseconds = 5;

        private readonly byte[] _command = new byte[5];

        /// <summary>Whether the board gave what the extensions need; only then does Q_CMDMAP list them.</summary>
        private bool HasExtensions
        {
            get { return _crc != null && _time != null; }
        }

        /// <summary>
        /// O_NANO_SPIOP_WAIT (its layout: <see cref="SerprogNanoFrames"/>): sends the write enable (if any) in its own
        /// chip-select cycle, the operation's slen bytes in the next, then reads the status register until
        /// (status &amp; mask) == 0 or the time-out passed. Replies ACK, outcome, last status.
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

            byte writeEnable = SerprogNanoFrames.WaitWriteEnable(_parameters, 0);
            byte statusOpcode = SerprogNanoFrames.WaitStatusOpcode(_parameters, 0);
            byte mask = SerprogNanoFrames.WaitMask(_parameters, 0);
            int timeout = SerprogNanoFrames.WaitTimeoutMs(_parameters, 0);
            int writeLength = SerprogNanoFrames.WaitOperationLength(_parameters, 0);

            // The whole operation is received before chip select goes low, so a frame that stops arriving never
            // reaches the chip half-sent; held chip-select modes would merge its cycles, so only auto is served.
            bool valid = _pinsDriven && _chipSelectMode == ChipSelectMode.Auto
                && writeLength >= 1 && writeLength <= _bufferSize && writeLength <= _maxWriteLength;
            if (!valid)
            {
                if (Discard(writeLength))
                {
                    SendNak();
                }

                return;
            }

            if (!ReadData(_data, 0, writeLength))
            {
                return;
            }

            if (writeEnable != 0)
            {
                _command[0] = writeEnable;
                WriteCycle(_command, 1);
            }

            WriteCycle(_data, writeLength);
            long started = _time.Milliseconds;
            byte status;
            bool done;
            bool expired = false;
            bool slow = false;
            for (int poll = 0; ; poll++)
            {
                // While spinning the clock is read before every 16th poll only: on nanoFramework a read makes a DateTime
                // on the heap. Read before the poll, so a time-out is only declared on a poll made after the deadline;
                // strictly more ticks than the time-out, so a whole time-out has passed.
                if (slow || (poll & (PollsPerClockRead - 1)) == 0)
                {
                    long elapsed = _time.Milliseconds - started;
                    expired = elapsed > timeout;
                    slow = elapsed >= SpinMilliseconds;
                }

                // One full-duplex transfer: the opcode out, the status in on the second byte.
                _command[0] = statusOpcode;
                _command[1] = IdleBytes.Value; // what MOSI carries while the status byte comes in
                _spi.SetChipSelect(true);
                _spi.Exchange(_command, 0, 2);
                _spi.SetChipSelect(false);
                status = _command[1];
                done = (status & mask) == 0;
                if (done || expired)
                {
                    break;
                }

                if (slow)
                {
                    _time.Sleep(1);
                }
            }

            SerprogNanoFrames.WriteWaitReply(_reply, 1, done, status);
            SendReply(SerprogNanoOpcode.SpiOperationWait);
        }

        /// <summary>
        /// O_NANO_CRC32 (its layout: <see cref="SerprogNanoFrames"/>): reads each block with its own read command and
        /// answers ACK, then one CRC-32 per block as it is done.
        /// </summary>
        private void HandleFlashCrc32()
        {
            if (!HasExtensions)
            {
                SendNak();
                return;
            }

            if (!ReadParameters(SerprogNanoOpcode.FlashCrc32))
            {
                return;
            }

            byte readOpcode = SerprogNanoFrames.CrcReadOpcode(_parameters, 0);
            int addressBytes = SerprogNanoFrames.CrcAddressBytes(_parameters, 0);
            uint start = SerprogNanoFrames.CrcStart(_parameters, 0);
            int blockLength = SerprogNanoFrames.CrcBlockLength(_parameters, 0);
            int blockCount = SerprogNanoFrames.CrcBlockCount(_parameters, 0);
            ulong end = start + ((ulong)blockLength * (ulong)blockCount);
            ulong addressable = addressBytes == 3 ? (ulong)SerprogLimits.MaxLength24 : 0x100000000UL;
            bool valid = _pinsDriven && _chipSelectMode == ChipSelectMode.Auto
                && (addressBytes == 3 || addressBytes == 4) && blockLength >= 1 && blockCount >= 1 && end <= addressable;
            if (!valid)
            {
                SendNak();
                return;
            }

            _reply[0] = SerprogReply.Ack;
            _link.Write(_reply, 0, 1);
            uint address = start;
            for (int block = 0; block < blockCount; block++)
            {
                SerprogNanoFrames.WriteBlockCrc(_reply, 1, BlockCrc(readOpcode, addressBytes, address, blockLength));
                _link.Write(_reply, 1, SerprogNanoExtensions.CrcBytesPerBlock);
                address += (uint)blockLength;
            }
        }

        private uint BlockCrc(byte readOpcode, int addressBytes, uint address, int length)
        {
            _command[0] = readOpcode;
            for (int i = addressBytes; i >= 1; i--)
            {
                _command[i] = (byte)address;
                address >>= 8;
            }

            _crc.Reset();
            int chunkLimit = _bufferSize < MaxCrcChunk ? _bufferSize : MaxCrcChunk;
            _spi.SetChipSelect(true);
            _spi.Write(_command, 0, 1 + addressBytes);
            int left = length;
            while (left > 0)
            {
                int chunk = left < chunkLimit ? left : chunkLimit;
                _spi.Read(_data, 0, chunk);
                _crc.Append(_data, 0, chunk);
                left -= chunk;
            }

            _spi.SetChipSelect(false);
            return _crc.Current;
        }

        /// <summary>One write-only operation in its own chip-select cycle.</summary>
        private void WriteCycle(byte[] buffer, int count)
        {
            _spi.SetChipSelect(true);
            _spi.Write(buffer, 0, count);
            _spi.SetChipSelect(false);
        }
    }
}
