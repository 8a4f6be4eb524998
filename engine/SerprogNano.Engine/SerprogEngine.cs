using System;
using SerprogNano.Protocol;

namespace SerprogNano.Engine
{
    /// <summary>
    /// The serprog device: reads frames from the link, answers them, and drives the SPI bus.
    /// Runs unchanged on nanoFramework (the ESP32 firmware) and on .NET (the emulator, SBC server):
    /// it allocates its buffers once and moves data only in bulk calls.
    /// </summary>
    public partial class SerprogEngine
    {
        // SPI DMA wants word-aligned buffers: data starts at a word boundary and the ACK sits just before it.
        private const int ReplyDataOffset = 4;

        /// <summary>What MOSI carries while the engine only reads: 0xFF, what an idle line reads as.</summary>
        private const byte IdleByte = 0xFF;

        /// <summary>
        /// Idle bytes for the read part of a short O_SPIOP sent as one full-duplex transfer (one bulk copy, no loop);
        /// its length is the longest read sent that way: status, ID and SFDP header reads are far shorter.
        /// </summary>
        private static readonly byte[] IdleRun =
        {
            IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte,
            IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte,
            IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte,
            IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte, IdleByte,
        };

        private readonly ISerialLink _link;
        private readonly ISpiBus _spi;
        private readonly ISpiClock _clock;
        private readonly IPinDrivers _pins;
        private readonly int _bufferSize;
        private readonly int _maxWriteLength;
        private readonly int _maxReadLength;
        private readonly int _serialBufferSize;
        private readonly int _statusSpinMilliseconds;
        private readonly ICrc32 _crc;
        private readonly IMillisecondClock _time;

        private readonly byte[] _data;
        private readonly byte[] _parameters = new byte[SerprogCommandTable.MaxParameterLength];
        private readonly byte[] _reply = new byte[1 + SerprogLimits.CommandMapLength];
        private readonly byte[] _commandMap = new byte[SerprogLimits.CommandMapLength];
        private readonly byte[] _programmerName = new byte[SerprogLimits.ProgrammerNameLength];

        private bool _pinsDriven;
        private byte _spiMode = SpiMode.HalfDuplex;
        private byte _chipSelectMode = ChipSelectMode.Auto;
        private int _framesDropped;

        /// <summary>An engine with serprog v1 only: the board offers no CRC or clock for the SerprogNano extensions.</summary>
        public SerprogEngine(ISerialLink link, ISpiBus spi, ISpiClock clock, IPinDrivers pins, EngineSettings settings)
            : this(link, spi, clock, pins, settings, null, null)
        {
        }

        /// <summary>
        /// An engine that also offers the SerprogNano extensions (protocol/EXTENSIONS.md) when the board gives both
        /// a CRC and a millisecond clock.
        /// </summary>
        public SerprogEngine(ISerialLink link, ISpiBus spi, ISpiClock clock, IPinDrivers pins, EngineSettings settings, ICrc32 crc, IMillisecondClock time)
        {
            if (link == null || spi == null || clock == null || pins == null || settings == null)
            {
                throw new ArgumentNullException();
            }

            if (settings.BufferSize <= ReplyDataOffset || settings.MaxWriteLength < 1 || settings.MaxReadLength < 1
                || settings.MaxWriteLength > SerprogLimits.MaxLength24 || settings.MaxReadLength > SerprogLimits.MaxLength24)
            {
                throw new ArgumentOutOfRangeException("settings");
            }

            _link = link;
            _spi = spi;
            _clock = clock;
            _pins = pins;
            _bufferSize = settings.BufferSize;
            _maxWriteLength = settings.MaxWriteLength;
            _maxReadLength = settings.MaxReadLength;
            _serialBufferSize = settings.SerialBufferSize > SerprogLimits.FlowControlledSerialBuffer ? SerprogLimits.FlowControlledSerialBuffer : settings.SerialBufferSize;
            _statusSpinMilliseconds = settings.StatusSpinMilliseconds;
            _crc = crc;
            _time = time;
            _data = new byte[_bufferSize];
            FillProgrammerName(settings.ProgrammerName);
            FillCommandMap();

            // A clip may sit on a running board: touch nothing until the host asks.
            _pins.Release();
        }

        /// <summary>Frames dropped because their parameters or data stopped arriving.</summary>
        public int FramesDropped
        {
            get { return _framesDropped; }
        }

        /// <summary>Whether the line drivers are on (S_PIN_STATE).</summary>
        public bool PinsDriven
        {
            get { return _pinsDriven; }
        }

        /// <summary>Serves frames until the link closes, then releases the pins.</summary>
        public void Run()
        {
            while (ProcessNextFrame())
            {
            }

            ReleasePins();
        }

        /// <summary>
        /// After an exception from the link or the hardware: releases the lines first (marked released, so the
        /// host's next S_PIN_STATE(1) drives them again from scratch), then drops the rest of the lost frame by
        /// discarding input until the link has been quiet for a frame time-out, so that no data byte is taken for
        /// an opcode. The modes the host set (S_SPI_CS, S_CS_MODE, S_SPI_MODE) stay. Throws what the hardware throws.
        /// </summary>
        public void RecoverFromFault()
        {
            _pinsDriven = false;
            _pins.Release();
            while (_link.Read(_data, 0, _bufferSize) > 0)
            {
            }
        }

        /// <summary>Waits for one opcode and handles its frame; false once the link is closed.</summary>
        public bool ProcessNextFrame()
        {
            int read;
            do
            {
                read = _link.Read(_parameters, 0, 1);
            }
            while (read == 0);

            if (read < 0)
            {
                return false;
            }

            Handle(_parameters[0]);
            return true;
        }

        private void Handle(byte opcode)
        {
            switch (opcode)
            {
                case SerprogOpcode.Nop:
                    SendReply(opcode);
                    break;
                case SerprogOpcode.QueryInterface:
                    LittleEndian.WriteUInt16(_reply, 1, SerprogLimits.InterfaceVersion);
                    SendReply(opcode);
                    break;
                case SerprogOpcode.QueryCommandMap:
                    Array.Copy(_commandMap, 0, _reply, 1, SerprogLimits.CommandMapLength);
                    SendReply(opcode);
                    break;
                case SerprogOpcode.QueryProgrammerName:
                    Array.Copy(_programmerName, 0, _reply, 1, SerprogLimits.ProgrammerNameLength);
                    SendReply(opcode);
                    break;
                case SerprogOpcode.QuerySerialBuffer:
                    LittleEndian.WriteUInt16(_reply, 1, _serialBufferSize);
                    SendReply(opcode);
                    break;
                case SerprogOpcode.QueryBusType:
                    _reply[1] = BusType.Spi;
                    SendReply(opcode);
                    break;
                case SerprogOpcode.QueryWriteNMaxLength:
                    LittleEndian.WriteUInt24(_reply, 1, LittleEndian.EncodeMaxLength(_maxWriteLength));
                    SendReply(opcode);
                    break;
                case SerprogOpcode.QueryReadNMaxLength:
                    LittleEndian.WriteUInt24(_reply, 1, LittleEndian.EncodeMaxLength(_maxReadLength));
                    SendReply(opcode);
                    break;
                case SerprogOpcode.SyncNop:
                    _reply[0] = SerprogReply.Nak;
                    _reply[1] = SerprogReply.Ack;
                    _link.Write(_reply, 0, 2);
                    break;
                case SerprogOpcode.SetBusType:
                    if (ReadParameters(opcode))
                    {
                        SendStatus((_parameters[0] & BusType.Spi) != 0);
                    }

                    break;
                case SerprogOpcode.SpiOperation:
                    HandleSpiOperation();
                    break;
                case SerprogOpcode.SetSpiFrequency:
                    HandleSetFrequency();
                    break;
                case SerprogOpcode.SetPinState:
                    if (ReadParameters(opcode))
                    {
                        SetPinState(_parameters[0] != 0);
                        SendReply(opcode);
                    }

                    break;
                case SerprogOpcode.SetSpiChipSelect:
                    HandleSetChipSelect();
                    break;
                case SerprogOpcode.SetSpiMode:
                    if (ReadParameters(opcode))
                    {
                        bool valid = _parameters[0] <= SpiMode.FullDuplex;
                        if (valid)
                        {
                            _spiMode = _parameters[0];
                        }

                        SendStatus(valid);
                    }

                    break;
                case SerprogOpcode.SetChipSelectMode:
                    if (ReadParameters(opcode))
                    {
                        bool valid = _parameters[0] <= ChipSelectMode.Deselected;
                        if (valid)
                        {
                            _chipSelectMode = _parameters[0];
                            ApplyIdleChipSelect();
                        }

                        SendStatus(valid);
                    }

                    break;
                case SerprogNanoOpcode.SpiOperationWait:
                    HandleSpiOperationWait();
                    break;
                case SerprogNanoOpcode.FlashCrc32:
                    HandleFlashCrc32();
                    break;
                case SerprogNanoOpcode.SpiOperationWaitRun:
                    HandleSpiOperationWaitRun();
                    break;
                case SerprogNanoOpcode.SparseRead:
                    HandleSparseRead();
                    break;
                case SerprogNanoOpcode.SetBaudRate:
                    HandleSetBaudRate();
                    break;
                default:
                    // Unsupported opcodes (parallel-bus commands among them) are NAKed at once, as their bit in Q_CMDMAP says.
                    SendNak();
                    break;
            }
        }

        private void HandleSpiOperation()
        {
            if (!ReadData(_parameters, 0, SerprogLimits.SpiOperationHeaderLength))
            {
                return;
            }

            int writeLength = LittleEndian.ReadUInt24(_parameters, 0);
            int readLength = LittleEndian.ReadUInt24(_parameters, 3);
            bool fullDuplex = _spiMode == SpiMode.FullDuplex;
            bool valid = _pinsDriven
                && writeLength <= _maxWriteLength
                && readLength <= _maxReadLength
                && (!fullDuplex || (writeLength == readLength && writeLength <= _bufferSize - ReplyDataOffset));
            if (!valid)
            {
                // Swallow the data the host sends with the frame so the next opcode is read as one.
                if (Discard(writeLength))
                {
                    SendNak();
                }

                return;
            }

            if (fullDuplex)
            {
                if (ReadData(_data, ReplyDataOffset, writeLength))
                {
                    ExchangeTransaction(_data, ReplyDataOffset, writeLength);
                    _data[ReplyDataOffset - 1] = SerprogReply.Ack;
                    _link.Write(_data, ReplyDataOffset - 1, writeLength + 1);
                }

                return;
            }

            if (writeLength <= _bufferSize && readLength == 0)
            {
                WriteOnlyOperation(writeLength);
                return;
            }

            if (writeLength > 0 && readLength <= IdleRun.Length && writeLength + readLength <= _bufferSize - ReplyDataOffset)
            {
                ShortWriteReadOperation(writeLength, readLength);
                return;
            }

            if (writeLength <= _bufferSize)
            {
                if (!ReadData(_data, 0, writeLength))
                {
                    return;
                }

                BeginTransaction();
                if (writeLength > 0)
                {
                    _spi.Write(_data, 0, writeLength);
                }
            }
            else if (!StreamWritePhase(writeLength))
            {
                return;
            }

            StreamReadPhase(readLength);
        }

        /// <summary>WREN, PP, an erase: one SPI write and a bare ACK, without the streaming read's bookkeeping.</summary>
        private void WriteOnlyOperation(int writeLength)
        {
            if (!ReadData(_data, 0, writeLength))
            {
                return;
            }

            WriteTransaction(_data, 0, writeLength);
            SendAck(0);
        }

        /// <summary>
        /// RDSR, RDID, an SFDP header: the command and idle bytes go out in one full-duplex transfer (one driver call
        /// instead of a write and a read; the same bytes on the wire), and the reply is sent from where its bytes came
        /// in, with the ACK over the last byte clocked in during the command.
        /// </summary>
        private void ShortWriteReadOperation(int writeLength, int readLength)
        {
            if (!ReadData(_data, ReplyDataOffset, writeLength))
            {
                return;
            }

            int readAt = ReplyDataOffset + writeLength;
            Array.Copy(IdleRun, 0, _data, readAt, readLength);
            ExchangeTransaction(_data, ReplyDataOffset, writeLength + readLength);
            _data[readAt - 1] = SerprogReply.Ack;
            _link.Write(_data, readAt - 1, 1 + readLength);
        }

        private bool StreamWritePhase(int writeLength)
        {
            BeginTransaction();
            int left = writeLength;
            while (left > 0)
            {
                int chunk = left < _bufferSize ? left : _bufferSize;
                if (!ReadData(_data, 0, chunk))
                {
                    EndTransaction();
                    return false;
                }

                _spi.Write(_data, 0, chunk);
                left -= chunk;
            }

            return true;
        }

        private void StreamReadPhase(int readLength)
        {
            // ACK travels with the first chunk so that a short reply is one write.
            _data[ReplyDataOffset - 1] = SerprogReply.Ack;
            int offset = ReplyDataOffset;
            int left = readLength;
            do
            {
                int chunk = _bufferSize - offset;
                if (chunk > left)
                {
                    chunk = left;
                }

                if (chunk > 0)
                {
                    _spi.Read(_data, offset, chunk);
                }

                left -= chunk;
                if (left == 0)
                {
                    EndTransaction();
                }

                int start = offset == ReplyDataOffset ? ReplyDataOffset - 1 : 0;
                _link.Write(_data, start, offset + chunk - start);
                offset = 0;
            }
            while (left > 0);
        }

        private void HandleSetFrequency()
        {
            if (!ReadParameters(SerprogOpcode.SetSpiFrequency))
            {
                return;
            }

            uint requested = LittleEndian.ReadUInt32(_parameters, 0);
            if (requested == 0)
            {
                SendNak();
                return;
            }

            LittleEndian.WriteUInt32(_reply, 1, _clock.SetFrequency(requested));
            SendReply(SerprogOpcode.SetSpiFrequency);
        }

        private void HandleSetChipSelect()
        {
            if (!ReadParameters(SerprogOpcode.SetSpiChipSelect))
            {
                return;
            }

            int index = _parameters[0];
            if (index >= _spi.ChipSelectCount)
            {
                SendNak();
                return;
            }

            if (_pinsDriven)
            {
                _spi.SetChipSelect(false);
            }

            _spi.SelectChip(index);
            ApplyIdleChipSelect();
            SendReply(SerprogOpcode.SetSpiChipSelect);
        }

        private void SetPinState(bool drive)
        {
            if (drive)
            {
                if (!_pinsDriven)
                {
                    _pins.Drive();
                    _pinsDriven = true;
                }

                ApplyIdleChipSelect();
            }
            else
            {
                ReleasePins();
            }
        }

        private void ReleasePins()
        {
            if (_pinsDriven)
            {
                _spi.SetChipSelect(false);
                _pins.Release();
                _pinsDriven = false;
            }
        }

        /// <summary>Chip select between operations, as S_CS_MODE asks: only "selected" holds it low.</summary>
        private void ApplyIdleChipSelect()
        {
            if (_pinsDriven)
            {
                _spi.SetChipSelect(_chipSelectMode == ChipSelectMode.Selected);
            }
        }

        /// <summary>
        /// One operation's bytes that fit one transfer, written: a chip-select cycle of its own in auto mode (one
        /// driver call on a board that frames it), otherwise under chip select as S_CS_MODE holds it.
        /// </summary>
        private void WriteTransaction(byte[] buffer, int offset, int count)
        {
            if (_chipSelectMode == ChipSelectMode.Auto && count > 0)
            {
                _spi.WriteCycle(buffer, offset, count);
                return;
            }

            BeginTransaction();
            if (count > 0)
            {
                _spi.Write(buffer, offset, count);
            }

            EndTransaction();
        }

        /// <summary>As <see cref="WriteTransaction"/>, full duplex: what comes in replaces what went out.</summary>
        private void ExchangeTransaction(byte[] buffer, int offset, int count)
        {
            if (_chipSelectMode == ChipSelectMode.Auto && count > 0)
            {
                _spi.ExchangeCycle(buffer, offset, count);
                return;
            }

            BeginTransaction();
            _spi.Exchange(buffer, offset, count);
            EndTransaction();
        }

        private void BeginTransaction()
        {
            if (_chipSelectMode == ChipSelectMode.Auto)
            {
                _spi.SetChipSelect(true);
            }
        }

        private void EndTransaction()
        {
            if (_chipSelectMode == ChipSelectMode.Auto)
            {
                _spi.SetChipSelect(false);
            }
        }

        /// <summary>Reads the opcode's fixed parameters (their length from the protocol's table) into <see cref="_parameters"/>.</summary>
        private bool ReadParameters(byte opcode)
        {
            return ReadData(_parameters, 0, SerprogCommandTable.ParameterLength(opcode));
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes; false (frame dropped) on time-out or close.</summary>
        private bool ReadData(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int read = _link.Read(buffer, offset, count);
                if (read <= 0)
                {
                    _framesDropped++;
                    return false;
                }

                offset += read;
                count -= read;
            }

            return true;
        }

        private bool Discard(int count)
        {
            while (count > 0)
            {
                int chunk = count < _bufferSize ? count : _bufferSize;
                if (!ReadData(_data, 0, chunk))
                {
                    return false;
                }

                count -= chunk;
            }

            return true;
        }

        private void SendStatus(bool ack)
        {
            if (ack)
            {
                SendAck(0);
            }
            else
            {
                SendNak();
            }
        }

        /// <summary>ACK and the opcode's fixed reply (its length from the protocol's table), prepared in <see cref="_reply"/> after the ACK.</summary>
        private void SendReply(byte opcode)
        {
            SendAck(SerprogCommandTable.ReplyLength(opcode));
        }

        private void SendAck(int payloadLength)
        {
            _reply[0] = SerprogReply.Ack;
            _link.Write(_reply, 0, 1 + payloadLength);
        }

        private void SendNak()
        {
            _reply[0] = SerprogReply.Nak;
            _link.Write(_reply, 0, 1);
        }

        private void FillProgrammerName(string name)
        {
            int length = name == null ? 0 : name.Length;
            if (length > SerprogLimits.ProgrammerNameLength)
            {
                length = SerprogLimits.ProgrammerNameLength;
            }

            // Once at start-up; the reply copies the prepared bytes.
            for (int i = 0; i < length; i++)
            {
                char c = name[i];
                _programmerName[i] = c < 0x20 || c > 0x7E ? (byte)'?' : (byte)c;
            }
        }

        private void FillCommandMap()
        {
            byte[] supported =
            {
                SerprogOpcode.Nop, SerprogOpcode.QueryInterface, SerprogOpcode.QueryCommandMap,
                SerprogOpcode.QueryProgrammerName, SerprogOpcode.QuerySerialBuffer, SerprogOpcode.QueryBusType,
                SerprogOpcode.QueryWriteNMaxLength, SerprogOpcode.SyncNop, SerprogOpcode.QueryReadNMaxLength,
                SerprogOpcode.SetBusType, SerprogOpcode.SpiOperation, SerprogOpcode.SetSpiFrequency,
                SerprogOpcode.SetPinState, SerprogOpcode.SetSpiChipSelect, SerprogOpcode.SetSpiMode,
                SerprogOpcode.SetChipSelectMode,
            };
            for (int i = 0; i < supported.Length; i++)
            {
                CommandMap.Set(_commandMap, 0, supported[i]);
            }

            if (HasExtensions)
            {
                CommandMap.Set(_commandMap, 0, SerprogNanoOpcode.SpiOperationWait);
                CommandMap.Set(_commandMap, 0, SerprogNanoOpcode.FlashCrc32);
                CommandMap.Set(_commandMap, 0, SerprogNanoOpcode.SpiOperationWaitRun);
                CommandMap.Set(_commandMap, 0, SerprogNanoOpcode.SparseRead);
            }

            if (CanChangeBaudRate)
            {
                CommandMap.Set(_commandMap, 0, SerprogNanoOpcode.SetBaudRate);
            }
        }
    }
}
