using System;
using System.IO;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// A 25xx SPI NOR flash as its datasheet describes it, seen from the SPI wires. Commands may arrive
    /// split over any number of <see cref="Exchange"/> calls; programs, erases and register writes take
    /// effect when chip select rises. One engine thread drives it while other threads may read its
    /// contents and counters: every entry point takes the chip's lock.
    /// </summary>
    public sealed partial class EmulatedSpiNor : ISpiTarget
    {
        private readonly object _gate = new();
        private readonly byte[] _array;
        private readonly byte[] _sfdp;
        private readonly SpiNorCommand[] _commands;
        private readonly EmulatedSpiNorOptions _options;
        private readonly SpiNorCounters _counters = new();

        public EmulatedSpiNor(SpiNorModel model, EmulatedSpiNorOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(model);
            Model = model;
            _options = options ?? new EmulatedSpiNorOptions();
            _array = new byte[model.Size];
            _array.AsSpan().Fill(0xFF);
            _sfdp = SfdpTable.Build(model);
            _commands = SpiNorCommandSet.For(model);
            _pageBuffer = new byte[model.PageSize];
            PowerUp();
        }

        public SpiNorModel Model { get; }

        /// <summary>Trouble to show on the wires; may be changed at any time.</summary>
        public EmulatedSpiNorFaults Faults { get; } = new();

        /// <summary>PP/PP4 commands executed (and SST byte programs).</summary>
        public long PagePrograms => Counted(c => c.PagePrograms);

        /// <summary>SST AAI words (two bytes each) programmed.</summary>
        public long AaiWordPrograms => Counted(c => c.AaiWordPrograms);

        public long ChipErases => Counted(c => c.ChipErases);

        /// <summary>Status register writes executed (WRSR, 0x31, 0x11).</summary>
        public long StatusWrites => Counted(c => c.StatusWrites);

        /// <summary>Array bytes clocked out by READ/FAST_READ and their 4-byte forms.</summary>
        public long BytesRead => Counted(c => c.BytesRead);

        /// <summary>Block erases executed of <paramref name="blockSize"/> bytes.</summary>
        public long Erases(int blockSize) => Counted(c => c.Erases(blockSize));

        /// <summary>Commands that began with <paramref name="opcode"/>, executed or not.</summary>
        public long CommandCount(byte opcode) => Counted(c => c.Commands(opcode));

        public void ResetCounters()
        {
            lock (_gate)
            {
                _counters.Reset();
            }
        }

        /// <summary>Replaces the whole array; <paramref name="image"/> must be exactly the part's size.</summary>
        /// <summary>Sets the whole array; an image of another size is refused (<see cref="InvalidDataException"/> naming both sizes) and changes nothing.</summary>
        public void Load(ReadOnlySpan<byte> image)
        {
            if (image.Length != _array.Length)
            {
                throw new InvalidDataException(SizeMismatch(image.Length));
            }

            lock (_gate)
            {
                image.CopyTo(_array);
            }
        }

        /// <summary>A copy of the array as it is now.</summary>
        public byte[] Snapshot()
        {
            lock (_gate)
            {
                return (byte[])_array.Clone();
            }
        }

        public void Save(string path) => File.WriteAllBytes(path, Snapshot());

        private string SizeMismatch(long imageLength) => $"the image has {imageLength} bytes; {Model.Name} holds {_array.Length}.";

        /// <summary>Power off and on: registers back to their power-up values, 3-byte mode, nothing pending; the array stays.</summary>
        public void PowerCycle()
        {
            lock (_gate)
            {
                PowerUp();
            }
        }

        public void Select()
        {
            lock (_gate)
            {
                _selected = true;
                _opcodeSeen = false;
            }
        }

        public void Deselect()
        {
            lock (_gate)
            {
                if (!_selected)
                {
                    return;
                }

                _selected = false;
                if (_opcodeSeen && _headerFilled == _headerLength && !Faults.Absent)
                {
                    Execute();
                }

                _opcodeSeen = false;
            }
        }

        public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            if (mosi.Length != miso.Length)
            {
                throw new ArgumentException("MOSI and MISO must be clocked together, byte for byte.", nameof(miso));
            }

            lock (_gate)
            {
                if (!_selected)
                {
                    throw new InvalidOperationException("Bytes were clocked while chip select was high.");
                }

                if (Faults.Absent)
                {
                    miso.Fill(0xFF);
                    return;
                }

                Clock(mosi, miso);
                if (Faults.MisoShortedLow)
                {
                    miso.Clear();
                }
            }
        }

        private long Counted(Func<SpiNorCounters, long> read)
        {
            lock (_gate)
            {
                return read(_counters);
            }
        }
    }
}
