using System;
using System.Threading;

namespace SerprogNano.Emulator.Links
{
    /// <summary>
    /// One direction of an in-process link: a bounded byte ring. Writers block while it is full,
    /// as a real link's flow control would; readers block until bytes arrive, time out, or it closes.
    /// </summary>
    public sealed class ByteChannel
    {
        private readonly byte[] _ring;
        private readonly object _gate = new();
        private int _head;
        private int _count;
        private bool _closed;

        public ByteChannel(int capacity = 1 << 20)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
            _ring = new byte[capacity];
        }

        public bool IsClosed
        {
            get { lock (_gate) { return _closed; } }
        }

        /// <summary>Bytes waiting to be read.</summary>
        public int Available
        {
            get { lock (_gate) { return _count; } }
        }

        /// <summary>Copies all bytes in, waiting for room; throws once the channel is closed.</summary>
        public void Write(ReadOnlySpan<byte> data)
        {
            lock (_gate)
            {
                while (!data.IsEmpty)
                {
                    while (_count == _ring.Length && !_closed)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_closed)
                    {
                        throw new ObjectDisposedException(nameof(ByteChannel), "The link is closed.");
                    }

                    int tail = (_head + _count) % _ring.Length;
                    int chunk = Math.Min(data.Length, Math.Min(_ring.Length - _count, _ring.Length - tail));
                    data[..chunk].CopyTo(_ring.AsSpan(tail));
                    _count += chunk;
                    data = data[chunk..];
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>
        /// Reads what is there (at least one byte), waiting up to <paramref name="timeout"/>.
        /// Returns 0 on time-out and -1 once the channel is closed and drained.
        /// </summary>
        public int Read(Span<byte> destination, TimeSpan timeout)
        {
            if (destination.IsEmpty)
            {
                return 0;
            }

            lock (_gate)
            {
                long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
                while (_count == 0)
                {
                    if (_closed)
                    {
                        return -1;
                    }

                    long wait = timeout == Timeout.InfiniteTimeSpan ? Timeout.Infinite : deadline - Environment.TickCount64;
                    if (timeout != Timeout.InfiniteTimeSpan && wait <= 0)
                    {
                        return 0;
                    }

                    Monitor.Wait(_gate, (int)Math.Min(wait, int.MaxValue));
                }

                int total = 0;
                while (_count > 0 && total < destination.Length)
                {
                    int chunk = Math.Min(destination.Length - total, Math.Min(_count, _ring.Length - _head));
                    _ring.AsSpan(_head, chunk).CopyTo(destination[total..]);
                    _head = (_head + chunk) % _ring.Length;
                    _count -= chunk;
                    total += chunk;
                }

                Monitor.PulseAll(_gate);
                return total;
            }
        }

        /// <summary>Drops every byte not yet read.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _head = 0;
                _count = 0;
                Monitor.PulseAll(_gate);
            }
        }

        public void Close()
        {
            lock (_gate)
            {
                _closed = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
