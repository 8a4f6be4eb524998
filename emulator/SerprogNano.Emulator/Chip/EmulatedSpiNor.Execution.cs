using System;
using System.Collections.Generic;
using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// What happens when chip select rises: the write-type commands run, each only if its byte count was
    /// exactly right, WEL was set, and it touches nothing block-protected. A refused program or erase
    /// still clears WEL, as on silicon.
    /// </summary>
    public sealed partial class EmulatedSpiNor
    {
        private readonly byte[] _status = new byte[3];

        /// <summary>One-time lock bits once set: no write and no power cycle clears them.</summary>
        private readonly byte[] _setForever = new byte[3];
        private bool _wel;
        private bool _statusWriteEnabled;
        private bool _fourByteMode;
        private bool _aaiActive;
        private int _aaiAddress;
        private long _busyStart;
        private TimeSpan _busyFor;

        private void PowerUp()
        {
            for (int i = 0; i < _status.Length; i++)
            {
                _status[i] = (byte)(Model.PowerUpStatus[i] | _setForever[i]);
            }

            _wel = false;
            _statusWriteEnabled = false;
            _fourByteMode = false;
            _aaiActive = false;
            _busyFor = TimeSpan.Zero;
            _opcodeSeen = false;
        }

        private bool IsBusy() => Faults.StuckBusy || IsTimedBusy();

        private bool IsTimedBusy() =>
            _busyFor > TimeSpan.Zero && _options.TimeProvider.GetElapsedTime(_busyStart) < _busyFor;

        private void StartBusy(TimeSpan duration)
        {
            _busyFor = _options.BusyTimes ? duration : TimeSpan.Zero;
            _busyStart = _options.TimeProvider.GetTimestamp();
        }

        private byte StatusRegister(int register)
        {
            byte value = _status[register - 1];
            if (register == 1)
            {
                bool timedBusy = IsTimedBusy();
                value &= unchecked((byte)~(SpiNorStatusBits.WriteInProgress | SpiNorStatusBits.WriteEnableLatch));
                value |= IsBusy() ? SpiNorStatusBits.WriteInProgress : (byte)0;
                value |= _wel || timedBusy ? SpiNorStatusBits.WriteEnableLatch : (byte)0; // WEL clears only once the operation is done
                if (Model.HasSstAai)
                {
                    value = _aaiActive ? (byte)(value | SpiNorStatusBits.SstAaiActive) : (byte)(value & ~SpiNorStatusBits.SstAaiActive);
                }
            }

            if (Model.AddressModeBit is SpiNorStatusBit mode && mode.Register == register)
            {
                value = _fourByteMode ? (byte)(value | mode.Mask) : (byte)(value & ~mode.Mask);
            }

            return value;
        }

        private void Execute()
        {
            bool noData = _dataBytes == 0;
            switch (_command.Kind)
            {
                case SpiNorCommandKind.WriteEnable when noData:
                    _wel = true;
                    break;
                case SpiNorCommandKind.WriteDisable when noData:
                    _wel = false;
                    _aaiActive = false;
                    break;
                case SpiNorCommandKind.EnableWriteStatus when noData:
                    _statusWriteEnabled = true;
                    break;
                case SpiNorCommandKind.Enter4ByteMode when noData:
                    _fourByteMode = true;
                    break;
                case SpiNorCommandKind.Exit4ByteMode when noData:
                    _fourByteMode = false;
                    break;
                case SpiNorCommandKind.WriteStatus:
                    WriteStatus();
                    break;
                case SpiNorCommandKind.PageProgram:
                    ProgramPage();
                    break;
                case SpiNorCommandKind.ByteProgram when _dataBytes == 1:
                    ProgramByte();
                    break;
                case SpiNorCommandKind.AaiWordProgram when _dataBytes == 2:
                    ProgramAaiWord();
                    break;
                case SpiNorCommandKind.Erase when noData:
                    EraseBlock(_command.Erase!);
                    break;
                case SpiNorCommandKind.ChipErase when noData:
                    EraseChip();
                    break;
            }
        }

        private void WriteStatus()
        {
            IReadOnlyList<int> targets = _command.Register == 0 ? Model.WriteStatusTargets : new[] { _command.Register };
            if (_dataBytes < 1 || _dataBytes > targets.Count || !(_wel || _statusWriteEnabled))
            {
                return;
            }

            if (!StatusRegistersWritable())
            {
                // Refused like a protected program: nothing changes and the write enable is spent.
                _wel = false;
                _statusWriteEnabled = false;
                return;
            }

            for (int i = 0; i < _dataBytes; i++)
            {
                int register = targets[i] - 1;
                byte writable = Model.StatusWriteMasks[register];
                byte value = (byte)((_status[register] & ~writable) | (_inputBytes[i] & writable));
                _status[register] = (byte)(value | _setForever[register]);
                _setForever[register] |= (byte)(value & OneTimeMask(register + 1));
            }

            // After 0x50 the write goes to volatile bits (Winbond) and skips the non-volatile write time.
            TimeSpan duration = _statusWriteEnabled ? TimeSpan.Zero : Model.WriteStatusTime;
            _counters.StatusWrites++;
            Complete(duration);
        }

        private void ProgramPage()
        {
            int pageSize = _pageBuffer.Length;
            int pageStart = _address - (_address % pageSize);
            if (_dataBytes == 0 || !MayWrite(pageStart, pageSize))
            {
                return;
            }

            _counters.PagePrograms++;
            if (!Faults.FailsToProgram(pageStart, pageSize))
            {
                if (_dataBytes >= pageSize)
                {
                    NorCells.Program(_array.AsSpan(pageStart, pageSize), _pageBuffer);
                }
                else
                {
                    // Fewer bytes than a page: only the cells from the start offset on (wrapping) were loaded.
                    int offset = _address % pageSize;
                    int first = (int)Math.Min(_dataBytes, pageSize - offset);
                    int second = (int)_dataBytes - first;
                    NorCells.Program(_array.AsSpan(pageStart + offset, first), _pageBuffer.AsSpan(offset, first));
                    NorCells.Program(_array.AsSpan(pageStart, second), _pageBuffer.AsSpan(0, second));
                }
            }

            Complete(Model.PageProgramTime);
        }

        private void ProgramByte()
        {
            if (!MayWrite(_address, 1))
            {
                return;
            }

            _counters.PagePrograms++;
            if (!Faults.FailsToProgram(_address, 1))
            {
                NorCells.Program(_array.AsSpan(_address, 1), _inputBytes.AsSpan(0, 1));
            }

            Complete(Model.ByteProgramTime);
        }

        /// <summary>SST AAI: the first word brings the address, later ones follow it two bytes at a time until WRDI.</summary>
        private void ProgramAaiWord()
        {
            int address = _aaiActive ? _aaiAddress : _address & ~1;
            if (!MayWrite(address, 2))
            {
                _aaiActive = false;
                return;
            }

            _counters.AaiWordPrograms++;
            if (!Faults.FailsToProgram(address, 2))
            {
                NorCells.Program(_array.AsSpan(address, 2), _inputBytes);
            }

            _aaiAddress = address + 2;
            _aaiActive = _aaiAddress < _array.Length; // the sequence ends itself at the top of the array
            _wel = _aaiActive;
            StartBusy(Model.ByteProgramTime);
        }

        private void EraseBlock(EraseBlockType erase)
        {
            int start = _address & ~(erase.Size - 1);
            if (!MayWrite(start, erase.Size))
            {
                return;
            }

            _array.AsSpan(start, erase.Size).Fill(0xFF);
            _counters.Erased(erase.Size);
            Complete(erase.TypicalTime);
        }

        private void EraseChip()
        {
            if (!MayWrite(0, _array.Length))
            {
                return;
            }

            _array.AsSpan().Fill(0xFF);
            _counters.ChipErases++;
            Complete(Model.ChipEraseTime);
        }

        /// <summary>WEL must be set and the range clear of block protection; a refusal on protection drops WEL.</summary>
        private bool MayWrite(int start, int length)
        {
            if (!_wel)
            {
                return false;
            }

            (int protectedStart, int protectedLength) = Model.BlockProtection.ProtectedRange(_status, _array.Length);
            bool overlaps = protectedLength > 0 && start < protectedStart + protectedLength && protectedStart < start + length;
            if (overlaps)
            {
                _wel = false;
                return false;
            }

            return true;
        }

        private void Complete(TimeSpan duration)
        {
            _wel = false;
            _statusWriteEnabled = false;
            StartBusy(duration);
        }
    }
}
