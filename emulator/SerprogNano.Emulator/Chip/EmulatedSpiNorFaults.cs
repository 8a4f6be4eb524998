using System;
using System.Threading;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>
    /// Hardware trouble the emulated chip can be told to show, for testing how the link and host cope.
    /// Every setting may change while the chip runs.
    /// </summary>
    public sealed class EmulatedSpiNorFaults
    {
        private readonly object _gate = new();
        private double _readBitFlipRate;
        private Random? _random;
        private long _bitsUntilNextFlip;
        private long _bitsFlipped;
        private int? _failingPageAddress;
        private int _stickyFlipAddress;
        private byte _stickyFlipMask;
        private int _stickyFlipReads;
        private volatile bool _stuckBusy;
        private volatile bool _absent;
        private volatile bool _misoShortedLow;

        /// <summary>Chance per bit that array data read through READ/FAST_READ comes back inverted (loose or long wiring).</summary>
        public double ReadBitFlipRate
        {
            get
            {
                lock (_gate)
                {
                    return _readBitFlipRate;
                }
            }
        }

        /// <summary>Bits inverted so far by <see cref="ReadBitFlipRate"/>.</summary>
        public long BitsFlipped => Interlocked.Read(ref _bitsFlipped);

        /// <summary>Any address in a page that never takes a program: the command completes, the cells keep their old value.</summary>
        public int? FailingPageAddress
        {
            get
            {
                lock (_gate)
                {
                    return _failingPageAddress;
                }
            }

            set
            {
                lock (_gate)
                {
                    _failingPageAddress = value;
                }
            }
        }

        /// <summary>WIP never clears: every command but a status read is ignored.</summary>
        public bool StuckBusy
        {
            get => _stuckBusy;
            set => _stuckBusy = value;
        }

        /// <summary>No chip on the bus: MISO floats high (every byte 0xFF) and nothing is executed.</summary>
        public bool Absent
        {
            get => _absent;
            set => _absent = value;
        }

        /// <summary>MISO shorted to ground: every byte reads 0x00, though the chip still hears MOSI.</summary>
        public bool MisoShortedLow
        {
            get => _misoShortedLow;
            set => _misoShortedLow = value;
        }

        /// <summary>Starts inverting read bits at <paramref name="ratePerBit"/> (0 stops), reproducibly from <paramref name="seed"/>.</summary>
        public void SetReadBitFlips(double ratePerBit, int seed)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(ratePerBit);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(ratePerBit, 1.0);
            lock (_gate)
            {
                _readBitFlipRate = ratePerBit;
                _random = ratePerBit > 0 ? new Random(seed) : null;
                _bitsUntilNextFlip = NextGap();
            }
        }

        /// <summary>
        /// The next <paramref name="reads"/> array reads that cover <paramref name="address"/> return bit <paramref name="bit"/>
        /// of it inverted: a read error that repeats (a marginal line that fails on one pattern), so reads agree and are wrong.
        /// </summary>
        public void FlipBitInNextReads(int address, int bit, int reads)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(address);
            ArgumentOutOfRangeException.ThrowIfNegative(reads);
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)bit, 7u, nameof(bit));
            lock (_gate)
            {
                _stickyFlipAddress = address;
                _stickyFlipMask = (byte)(1 << bit);
                _stickyFlipReads = reads;
            }
        }

        /// <summary>Back to a healthy chip.</summary>
        public void Clear()
        {
            SetReadBitFlips(0, 0);
            FlipBitInNextReads(0, 0, 0);
            FailingPageAddress = null;
            StuckBusy = false;
            Absent = false;
            MisoShortedLow = false;
        }

        internal bool FailsToProgram(int pageStart, int pageSize)
        {
            lock (_gate)
            {
                return _failingPageAddress is int address && address >= pageStart && address < pageStart + pageSize;
            }
        }

        /// <param name="start">The array address of <paramref name="data"/>[0].</param>
        internal void FlipReadBits(Span<byte> data, int start)
        {
            lock (_gate)
            {
                long at = _stickyFlipAddress - (long)start;
                if (_stickyFlipReads > 0 && at >= 0 && at < data.Length)
                {
                    data[(int)at] ^= _stickyFlipMask;
                    _stickyFlipReads--;
                }

                if (_random is null)
                {
                    return;
                }

                // Jump from flip to flip instead of rolling per bit, so a clean stretch costs nothing.
                long bits = (long)data.Length * 8;
                long position = _bitsUntilNextFlip;
                while (position < bits)
                {
                    data[(int)(position / 8)] ^= (byte)(1 << (int)(position % 8));
                    _bitsFlipped++;
                    position += 1 + NextGap();
                }

                _bitsUntilNextFlip = position - bits;
            }
        }

        /// <summary>Clean bits before the next flip: geometric with the flip rate.</summary>
        private long NextGap()
        {
            if (_random is null || _readBitFlipRate >= 1.0)
            {
                return 0;
            }

            double uniform = 1.0 - _random.NextDouble(); // (0, 1], keeps the logarithm finite
            return (long)Math.Floor(Math.Log(uniform) / Math.Log(1.0 - _readBitFlipRate));
        }
    }
}
