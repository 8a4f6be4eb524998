using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Emulator
{
    /// <summary>
    /// The engine's hardware interfaces on the PC: an SPI master wired to emulated chips, one per
    /// chip-select line, with a clock that grants fixed steps and line drivers that can be released.
    /// It counts bulk calls so the engine's cost on a real board can be read off a PC run.
    /// </summary>
    public sealed class EmulatedSpiBus : ISpiBus, ISpiClock, IPinDrivers
    {
        /// <summary>Clock steps an ESP32's SPI peripheral can divide down to (80 MHz / n).</summary>
        public static readonly uint[] DefaultClockSteps = { 80_000_000, 40_000_000, 26_666_666, 20_000_000, 16_000_000, 10_000_000, 8_000_000, 5_000_000, 4_000_000, 2_000_000, 1_000_000, 500_000, 100_000 };

        private readonly ISpiTarget[] _targets;
        private readonly uint[] _clockSteps;
        private byte[] _scratch = new byte[4096];
        private byte[] _idle = CreateIdle(4096);
        private int _current;
        private bool _selected;

        public EmulatedSpiBus(ISpiTarget[] targets, uint[]? clockSteps = null)
        {
            ArgumentNullException.ThrowIfNull(targets);
            if (targets.Length == 0)
            {
                throw new ArgumentException("At least one chip-select line needs a target.", nameof(targets));
            }

            _targets = targets;
            _clockSteps = (uint[])(clockSteps ?? DefaultClockSteps).Clone();
            Array.Sort(_clockSteps);
            Frequency = _clockSteps[0];
        }

        public EmulatedSpiBus(ISpiTarget target)
            : this(new[] { target })
        {
        }

        public int ChipSelectCount => _targets.Length;

        public int CurrentChip => _current;

        public bool ChipSelected => _selected;

        public bool Driven { get; private set; }

        public uint Frequency { get; private set; }

        /// <summary>Bulk SPI calls (Write, Read, Exchange) the engine made.</summary>
        public long TransferCalls { get; private set; }

        /// <summary>Bytes clocked in either direction.</summary>
        public long BytesClocked { get; private set; }

        public void SelectChip(int index)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _targets.Length);
            _current = index;
        }

        public void SetChipSelect(bool asserted)
        {
            if (asserted == _selected)
            {
                return;
            }

            _selected = asserted;
            if (!Driven)
            {
                return; // A released CS line floats high on the target's pull-up.
            }

            if (asserted)
            {
                _targets[_current].Select();
            }
            else
            {
                _targets[_current].Deselect();
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            EnsureScratch(count);
            Clock(buffer.AsSpan(offset, count), _scratch.AsSpan(0, count));
        }

        public void Read(byte[] buffer, int offset, int count)
        {
            EnsureScratch(count);
            Clock(_idle.AsSpan(0, count), buffer.AsSpan(offset, count));
        }

        public void Exchange(byte[] buffer, int offset, int count)
        {
            EnsureScratch(count);
            buffer.AsSpan(offset, count).CopyTo(_scratch);
            Clock(_scratch.AsSpan(0, count), buffer.AsSpan(offset, count));
        }

        public void WriteCycle(byte[] buffer, int offset, int count) => ChipSelectCycle.Write(this, buffer, offset, count);

        public void ExchangeCycle(byte[] buffer, int offset, int count) => ChipSelectCycle.Exchange(this, buffer, offset, count);

        public uint SetFrequency(uint requestedHz)
        {
            uint granted = _clockSteps[0];
            foreach (uint step in _clockSteps)
            {
                if (step <= requestedHz)
                {
                    granted = step;
                }
            }

            Frequency = granted;
            return granted;
        }

        public void Drive()
        {
            Driven = true;
            if (_selected)
            {
                _targets[_current].Select();
            }
        }

        public void Release()
        {
            if (Driven && _selected)
            {
                _targets[_current].Deselect();
            }

            Driven = false;
        }

        private void Clock(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            TransferCalls++;
            BytesClocked += mosi.Length;
            if (Driven && _selected)
            {
                _targets[_current].Exchange(mosi, miso);
            }
            else
            {
                miso.Fill(0xFF); // Nobody drives MISO: the pull-up reads as ones.
            }
        }

        private void EnsureScratch(int count)
        {
            if (_scratch.Length < count)
            {
                _scratch = new byte[count];
                _idle = CreateIdle(count);
            }
        }

        private static byte[] CreateIdle(int length)
        {
            var idle = new byte[length];
            idle.AsSpan().Fill(IdleBytes.Value);
            return idle;
        }
    }
}
