using System;
using System.Collections.Generic;
using System.Threading;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// Trouble the emulator's link can be told to show (set on <see cref="SerprogEmulator.LinkFaults"/>),
    /// with counters of what it did. A drop or a stall happens once, to the connection that carries the
    /// device's Nth received byte since it was armed: the next connection is healthy again, as after a replug.
    /// Flips, delays and split writes apply to every connection; a <see cref="FrameBitFlip"/> strikes once, counting
    /// frames over every connection. Every setting may change while the link runs.
    /// </summary>
    public sealed class LinkFaults
    {
        private readonly object _gate = new();
        private bool _paused;
        private long? _dropAt;
        private long? _stallAt;
        private readonly FrameFlips _frameFlips = new();
        private ByteCorrupter? _corrupter;
        private double _flipRate;
        private LinkFaultDirection _flipDirection = LinkFaultDirection.Both;
        private int _delayMilliseconds;
        private bool _splitWrites;
        private long _bytesToDevice;
        private long _bytesToHost;
        private long _bitsFlippedToDevice;
        private long _bitsFlippedToHost;
        private int _drops;
        private int _stalls;

        /// <summary>Chance per bit that a byte on the link arrives with it inverted; 0 for none.</summary>
        public double FlipRate
        {
            get { lock (_gate) { return _flipRate; } }
        }

        public LinkFaultDirection FlipDirection
        {
            get { lock (_gate) { return _flipDirection; } }
        }

        /// <summary>Pause before every reply leaves the device (a slow or congested link).</summary>
        public int DelayMilliseconds
        {
            get { lock (_gate) { return _delayMilliseconds; } }
            set { lock (_gate) { _delayMilliseconds = Math.Max(0, value); } }
        }

        /// <summary>Send every reply one byte per write, as a UART that hands over bytes singly.</summary>
        public bool SplitWrites
        {
            get { lock (_gate) { return _splitWrites; } }
            set { lock (_gate) { _splitWrites = value; } }
        }

        public long BytesToDevice
        {
            get { lock (_gate) { return _bytesToDevice; } }
        }

        public long BytesToHost
        {
            get { lock (_gate) { return _bytesToHost; } }
        }

        public long BitsFlippedToDevice
        {
            get { lock (_gate) { return _bitsFlippedToDevice; } }
        }

        public long BitsFlippedToHost
        {
            get { lock (_gate) { return _bitsFlippedToHost; } }
        }

        /// <summary>Connections cut by <see cref="DropAfter"/>.</summary>
        public int Drops
        {
            get { lock (_gate) { return _drops; } }
        }

        /// <summary>Connections frozen by <see cref="StallAfter"/>.</summary>
        public int Stalls
        {
            get { lock (_gate) { return _stalls; } }
        }

        /// <summary>Cuts the connection once the device has received <paramref name="bytes"/> more bytes.</summary>
        public void DropAfter(long bytes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(bytes);
            lock (_gate)
            {
                _dropAt = _bytesToDevice + bytes;
            }
        }

        /// <summary>Once the device has received <paramref name="bytes"/> more bytes it stops reading and answering until the host goes away.</summary>
        public void StallAfter(long bytes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(bytes);
            lock (_gate)
            {
                _stallAt = _bytesToDevice + bytes;
            }
        }

        /// <summary>
        /// Holds the device before it reads the host's next bytes until <see cref="Resume"/>: the host waits for a reply, as
        /// behind a busy USB hub, so a test can act while it is inside a chosen phase. The host gives up after its reply time-out.
        /// </summary>
        public void Pause()
        {
            lock (_gate)
            {
                _paused = true;
            }
        }

        public void Resume()
        {
            lock (_gate)
            {
                _paused = false;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Starts inverting bits at <paramref name="ratePerBit"/> (0 stops) in the given direction, reproducibly from <paramref name="seed"/>.</summary>
        public void SetBitFlips(double ratePerBit, LinkFaultDirection direction, int seed)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(ratePerBit);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(ratePerBit, 0.125);
            lock (_gate)
            {
                _flipRate = ratePerBit;
                _flipDirection = direction;
                _corrupter = ratePerBit > 0 ? new ByteCorrupter(ratePerBit, seed) : null;
            }
        }

        /// <summary>Arms one bit to invert in one chosen frame or its reply (a noisy cable's single hit); several may be armed.</summary>
        public void FlipFrameBit(FrameBitFlip flip)
        {
            ArgumentNullException.ThrowIfNull(flip);
            lock (_gate)
            {
                _frameFlips.Add(flip);
            }
        }

        /// <summary>The frame flips that have not struck yet.</summary>
        public IReadOnlyList<FrameBitFlip> PendingFrameFlips
        {
            get { lock (_gate) { return new List<FrameBitFlip>(_frameFlips.Pending); } }
        }

        /// <summary>Back to a healthy link; the counters stay.</summary>
        public void Clear()
        {
            Resume();
            SetBitFlips(0, LinkFaultDirection.Both, 0);
            lock (_gate)
            {
                _dropAt = null;
                _stallAt = null;
                _delayMilliseconds = 0;
                _splitWrites = false;
                _frameFlips.Clear();
            }
        }

        /// <summary>What the faults are, one phrase each, for the emulator's start-up lines.</summary>
        public IReadOnlyList<string> Describe()
        {
            var parts = new List<string>();
            lock (_gate)
            {
                if (_dropAt is long drop)
                {
                    parts.Add("drop the connection after " + (drop - _bytesToDevice) + " bytes from the host");
                }

                if (_stallAt is long stall)
                {
                    parts.Add("stop answering after " + (stall - _bytesToDevice) + " bytes from the host");
                }

                if (_flipRate > 0)
                {
                    parts.Add("flip bits at " + _flipRate.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture) + " per bit " + _flipDirection switch
                    {
                        LinkFaultDirection.ToHost => "to the host",
                        LinkFaultDirection.ToDevice => "to the device",
                        _ => "both ways",
                    });
                }

                foreach (FrameBitFlip flip in _frameFlips.Pending)
                {
                    parts.Add(flip.ToString());
                }

                if (_delayMilliseconds > 0)
                {
                    parts.Add("delay every reply " + _delayMilliseconds + " ms");
                }

                if (_splitWrites)
                {
                    parts.Add("send replies one byte at a time");
                }
            }

            return parts;
        }

        /// <summary>Returns once the link is not paused.</summary>
        internal void WaitWhilePaused()
        {
            lock (_gate)
            {
                while (_paused)
                {
                    Monitor.Wait(_gate);
                }
            }
        }

        /// <summary>How many of the next <paramref name="wanted"/> bytes the device may read before a drop or stall is due.</summary>
        internal int ReadableBeforeTrigger(int wanted)
        {
            lock (_gate)
            {
                long limit = wanted;
                limit = _dropAt is long drop ? Math.Min(limit, drop - _bytesToDevice) : limit;
                limit = _stallAt is long stall ? Math.Min(limit, stall - _bytesToDevice) : limit;
                return (int)Math.Max(limit, 0);
            }
        }

        /// <summary>Counts and corrupts bytes the device received on the connection <paramref name="frames"/> follows; says whether it must now drop or stall.</summary>
        internal LinkTrigger Received(Span<byte> data, FrameCursor frames)
        {
            lock (_gate)
            {
                _bytesToDevice += data.Length;
                _bitsFlippedToDevice += frames.Received(data, _frameFlips);
                if (_corrupter != null && (_flipDirection & LinkFaultDirection.ToDevice) != 0)
                {
                    _bitsFlippedToDevice += _corrupter.Corrupt(data);
                }

                if (_dropAt is long drop && _bytesToDevice >= drop)
                {
                    _dropAt = null;
                    _drops++;
                    return LinkTrigger.Drop;
                }

                if (_stallAt is long stall && _bytesToDevice >= stall)
                {
                    _stallAt = null;
                    _stalls++;
                    return LinkTrigger.Stall;
                }

                return LinkTrigger.None;
            }
        }

        /// <summary>Counts and corrupts a reply on its way to the host on the connection <paramref name="frames"/> follows.</summary>
        internal void Sending(Span<byte> data, FrameCursor frames)
        {
            lock (_gate)
            {
                _bytesToHost += data.Length;
                _bitsFlippedToHost += frames.Sending(data);
                if (_corrupter != null && (_flipDirection & LinkFaultDirection.ToHost) != 0)
                {
                    _bitsFlippedToHost += _corrupter.Corrupt(data);
                }
            }
        }
    }
}
