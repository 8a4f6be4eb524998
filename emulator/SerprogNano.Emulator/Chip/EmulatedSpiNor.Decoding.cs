using System;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// The chip's side of one chip-select cycle: opcode, then address and dummy bytes, then a data phase
    /// that streams out (reads) or fills a buffer (programs, register writes) until chip select rises.
    /// </summary>
    public sealed partial class EmulatedSpiNor
    {
        private const int MaxHeaderBytes = 5; // 4 address bytes + 1 dummy

        private readonly byte[] _header = new byte[MaxHeaderBytes];
        private readonly byte[] _pageBuffer;
        private readonly byte[] _inputBytes = new byte[2]; // the most any register or SST write takes
        private bool _selected;
        private bool _opcodeSeen;
        private SpiNorCommand _command;
        private int _addressBytes;
        private int _headerLength;
        private int _headerFilled;
        private int _address;
        private long _dataBytes;
        private long _cursor;

        private void Clock(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            int done = 0;
            while (done < mosi.Length)
            {
                if (!_opcodeSeen)
                {
                    BeginCommand(mosi[done]);
                    miso[done] = 0xFF; // the chip leaves MISO floating while it listens
                    done++;
                }
                else if (_headerFilled < _headerLength)
                {
                    int count = Math.Min(_headerLength - _headerFilled, mosi.Length - done);
                    mosi.Slice(done, count).CopyTo(_header.AsSpan(_headerFilled));
                    miso.Slice(done, count).Fill(0xFF);
                    _headerFilled += count;
                    done += count;
                    if (_headerFilled == _headerLength)
                    {
                        BeginDataPhase();
                    }
                }
                else
                {
                    DataPhase(mosi[done..], miso[done..]);
                    _dataBytes += mosi.Length - done;
                    done = mosi.Length;
                }
            }
        }

        private void BeginCommand(byte opcode)
        {
            _opcodeSeen = true;
            _counters.CommandSeen(opcode);
            SpiNorCommand command = _commands[opcode];
            if (!Accepts(command.Kind))
            {
                command = default;
            }

            if (command.Kind != SpiNorCommandKind.WriteStatus)
            {
                _statusWriteEnabled = false; // EWSR only opens the status register to the very next command
            }

            _command = command;
            _addressBytes = command.Addressing switch
            {
                CommandAddressLength.ThreeBytes => 3,
                CommandAddressLength.FourBytes => 4,
                CommandAddressLength.CurrentMode => _fourByteMode ? 4 : 3,
                _ => 0,
            };
            if (command.Kind == SpiNorCommandKind.AaiWordProgram && _aaiActive)
            {
                _addressBytes = 0; // words after the first continue from the chip's own address counter
            }

            _headerLength = _addressBytes + command.DummyBytes;
            _headerFilled = 0;
            _dataBytes = 0;
            if (_headerLength == 0)
            {
                BeginDataPhase();
            }
        }

        /// <summary>Whether the chip listens to a command now: status reads always; others not while busy or mid-AAI.</summary>
        private bool Accepts(SpiNorCommandKind kind)
        {
            if (kind == SpiNorCommandKind.ReadStatus)
            {
                return true;
            }

            if (kind == SpiNorCommandKind.Unknown || IsBusy())
            {
                return false;
            }

            return !_aaiActive || kind is SpiNorCommandKind.AaiWordProgram or SpiNorCommandKind.WriteDisable;
        }

        private void BeginDataPhase()
        {
            _address = 0;
            for (int i = 0; i < _addressBytes; i++)
            {
                _address = (_address << 8) | _header[i];
            }

            _cursor = _command.Kind switch
            {
                SpiNorCommandKind.ReadArray => _address & (_array.Length - 1),
                SpiNorCommandKind.ReadSfdp => _address,
                SpiNorCommandKind.ReadManufacturerDeviceId => _address & 1, // A0 = 1 answers device first
                _ => 0,
            };
            _address &= _array.Length - 1; // address bits above the array are don't-care
        }

        private void DataPhase(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            switch (_command.Kind)
            {
                case SpiNorCommandKind.ReadArray:
                    ReadArray(miso);
                    return;
                case SpiNorCommandKind.ReadSfdp:
                    ReadSfdp(miso);
                    return;
                case SpiNorCommandKind.ReadJedecId:
                    Repeat(miso, Model.IdAnswer);
                    return;
                case SpiNorCommandKind.ReadManufacturerDeviceId:
                    Repeat(miso, Model.RemsAnswer);
                    return;
                case SpiNorCommandKind.ReadSignature:
                    Repeat(miso, Model.SignatureAnswer);
                    return;
                case SpiNorCommandKind.ReadStatus:
                    // Continuous output: each call shows the register as it is now, so WIP can drop mid-poll.
                    miso.Fill(StatusRegister(_command.Register));
                    return;
                case SpiNorCommandKind.PageProgram:
                    FillPageBuffer(mosi);
                    break;
                case SpiNorCommandKind.WriteStatus:
                case SpiNorCommandKind.ByteProgram:
                case SpiNorCommandKind.AaiWordProgram:
                    KeepInput(mosi);
                    break;
            }

            miso.Fill(0xFF);
        }

        private void ReadArray(Span<byte> miso)
        {
            int first = (int)_cursor;
            Span<byte> rest = miso;
            while (!rest.IsEmpty)
            {
                int start = (int)_cursor;
                int count = Math.Min(rest.Length, _array.Length - start);
                _array.AsSpan(start, count).CopyTo(rest);
                rest = rest[count..];
                _cursor = (start + count) & (_array.Length - 1); // wraps to 0 past the last byte
            }

            _counters.BytesRead += miso.Length;
            Faults.FlipReadBits(miso, first);
        }

        private void ReadSfdp(Span<byte> miso)
        {
            int available = (int)Math.Clamp(_sfdp.Length - _cursor, 0, miso.Length);
            _sfdp.AsSpan((int)Math.Min(_cursor, _sfdp.Length), available).CopyTo(miso);
            miso[available..].Fill(0xFF);
            _cursor += miso.Length;
        }

        /// <summary>ID reads go round their bytes for as long as the clock runs, as the parts do.</summary>
        private void Repeat(Span<byte> miso, params ReadOnlySpan<byte> sequence)
        {
            for (int i = 0; i < miso.Length; i++)
            {
                miso[i] = sequence[(int)((_cursor + i) % sequence.Length)];
            }

            _cursor += miso.Length;
        }

        /// <summary>
        /// The page buffer takes bytes from the start offset onwards, wrapping inside the page; of more than a
        /// page only the last page's worth survives, as datasheets say.
        /// </summary>
        private void FillPageBuffer(ReadOnlySpan<byte> mosi)
        {
            int pageSize = _pageBuffer.Length;
            long skipped = Math.Max(0, mosi.Length - pageSize);
            ReadOnlySpan<byte> data = mosi[(int)skipped..];
            int offset = (int)(((_address % pageSize) + _dataBytes + skipped) % pageSize);
            int first = Math.Min(data.Length, pageSize - offset);
            data[..first].CopyTo(_pageBuffer.AsSpan(offset));
            data[first..].CopyTo(_pageBuffer);
        }

        private void KeepInput(ReadOnlySpan<byte> mosi)
        {
            if (_dataBytes < _inputBytes.Length)
            {
                int count = (int)Math.Min(mosi.Length, _inputBytes.Length - _dataBytes);
                mosi[..count].CopyTo(_inputBytes.AsSpan((int)_dataBytes));
            }
        }
    }
}
