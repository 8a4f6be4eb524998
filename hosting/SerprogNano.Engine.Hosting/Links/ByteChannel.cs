using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>
    /// One direction of an in-process link: a bounded byte ring. Writers block while it is full,
    /// as a real link's flow control would; readers block until bytes arrive, time out, or it closes.
    /// With a <see cref="LinkModel"/>, a byte becomes readable only at its modeled arrival time:
    /// bytes are serialized one after another at the line rate, then delayed by the latency.
    /// Writers do not wait for delivery, only for room in the ring.
    /// </summary>
    public sealed class ByteChannel
    {
        private readonly byte[] _ring;
        private readonly object _gate = new();
        private readonly LinkModel? _model;
        private readonly Queue<InFlight> _inFlight = new();
        private int _head;
        private int _count;
        private int _inFlightCount;
        private double _lineFreeAt;
        private bool _closed;

        public ByteChannel(int capacity = 1 << 20)
            : this(capacity, null)
        {
        }

        public ByteChannel(int capacity, LinkModel? model)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
            _ring = new byte[capacity];
            _model = model;
        }

        public bool IsClosed
        {
            get { lock (_gate) { return _closed; } }
        }

        /// <summary>Bytes arrived and waiting to be read.</summary>
        public int Available
        {
            get
            {
                lock (_gate)
                {
                    DeliverArrived(Stopwatch.GetTimestamp());
                    return _count - _inFlightCount;
                }
            }
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
                    ScheduleArrival(chunk);
                    data = data[chunk..];
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>
        /// Reads what has arrived (at least one byte), waiting up to <paramref name="timeout"/>.
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
                bool forever = timeout == Timeout.InfiniteTimeSpan;
                long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
                int readable;
                while (true)
                {
                    long now = Stopwatch.GetTimestamp();
                    DeliverArrived(now);
                    readable = _count - _inFlightCount;
                    if (readable > 0)
                    {
                        break;
                    }

                    if (_closed && _count == 0)
                    {
                        return -1;
                    }

                    if (!forever && now >= deadline)
                    {
                        return 0;
                    }

                    WaitForArrival(now, forever ? long.MaxValue : deadline);
                }

                int total = 0;
                while (total < readable && total < destination.Length)
                {
                    int chunk = Math.Min(destination.Length - total, Math.Min(readable - total, _ring.Length - _head));
                    _ring.AsSpan(_head, chunk).CopyTo(destination[total..]);
                    _head = (_head + chunk) % _ring.Length;
                    _count -= chunk;
                    total += chunk;
                }

                Monitor.PulseAll(_gate);
                return total;
            }
        }

        /// <summary>Drops every byte arrived and not yet read; bytes still on the line arrive later, as on a real port.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                DeliverArrived(Stopwatch.GetTimestamp());
                int arrived = _count - _inFlightCount;
                _head = (_head + arrived) % _ring.Length;
                _count -= arrived;
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

        /// <summary>Puts freshly written bytes on the modeled line behind those still being serialized.</summary>
        private void ScheduleArrival(int count)
        {
            if (_model == null)
            {
                return;
            }

            double ticksPerByte = _model.TicksPerByte;
            double start = Math.Max(Stopwatch.GetTimestamp(), _lineFreeAt);
            _lineFreeAt = start + count * ticksPerByte;
            _inFlight.Enqueue(new InFlight(count, start + ticksPerByte + _model.LatencyTicks));
            _inFlightCount += count;
        }

        /// <summary>Moves the bytes whose arrival time has come from "on the line" to "readable".</summary>
        private void DeliverArrived(long now)
        {
            if (_model == null)
            {
                return;
            }

            double ticksPerByte = _model.TicksPerByte;
            while (_inFlight.Count > 0)
            {
                InFlight next = _inFlight.Peek();
                if (now < next.NextArrival)
                {
                    return;
                }

                int arrived = ticksPerByte == 0 ? next.Count : (int)Math.Min(next.Count, 1 + Math.Floor((now - next.NextArrival) / ticksPerByte));
                next.Count -= arrived;
                next.NextArrival += arrived * ticksPerByte;
                _inFlightCount -= arrived;
                if (next.Count > 0)
                {
                    return;
                }

                _inFlight.Dequeue();
            }
        }

        /// <summary>
        /// Sleeps until the next byte is due or the deadline passes, whichever is first. Sleeps are
        /// coarse (a millisecond or more), so the last stretch before an arrival is spun out of the
        /// lock instead: a modeled latency must not grow by the scheduler's slack.
        /// </summary>
        private void WaitForArrival(long now, long deadline)
        {
            double until = deadline;
            if (_inFlight.Count > 0)
            {
                until = Math.Min(until, _inFlight.Peek().NextArrival);
            }

            double milliseconds = (until - now) * 1000.0 / Stopwatch.Frequency;
            if (_inFlight.Count == 0 || milliseconds >= 2)
            {
                Monitor.Wait(_gate, (int)Math.Min(int.MaxValue, Math.Max(1, milliseconds - 1)));
                return;
            }

            Monitor.Exit(_gate);
            try
            {
                var spinner = default(SpinWait);
                while (Stopwatch.GetTimestamp() < until)
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
            }
            finally
            {
                Monitor.Enter(_gate);
            }
        }

        /// <summary>Bytes written together that are still on their way.</summary>
        private sealed class InFlight
        {
            public InFlight(int count, double nextArrival)
            {
                Count = count;
                NextArrival = nextArrival;
            }

            public int Count { get; set; }

            /// <summary>Stopwatch tick at which the first of them arrives.</summary>
            public double NextArrival { get; set; }
        }
    }
}
