using System;
using System.Diagnostics;
using System.Threading;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>
    /// One direction of an in-process link: a bounded byte ring. Writers block while it is full,
    /// as a real link's flow control would; readers block until bytes arrive, time out, or it closes.
    /// With a <see cref="LinkModel"/>, bytes become readable only when their packet (or burst) arrives,
    /// as <see cref="LinkSchedule"/> works out. Writers do not wait for delivery, only for room in the ring.
    /// </summary>
    public sealed class ByteChannel
    {
        private readonly byte[] _ring;
        private readonly object _gate = new();
        private readonly LinkSchedule? _schedule;
        private int _head;
        private int _count;
        private bool _closed;

        public ByteChannel(int capacity = 1 << 20)
            : this(capacity, null)
        {
        }

        public ByteChannel(int capacity, LinkModel? model)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
            _ring = new byte[capacity];
            _schedule = model == null ? null : new LinkSchedule(model);
        }

        /// <summary>Bytes written and still on the modeled line.</summary>
        private int InFlight => _schedule?.InFlight ?? 0;

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
                    return _count - InFlight;
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
                    readable = _count - InFlight;
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
                int arrived = _count - InFlight;
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

        private void ScheduleArrival(int count)
        {
            if (_schedule == null)
            {
                return;
            }

            _schedule.Write(Stopwatch.GetTimestamp(), count);
        }

        /// <summary>Moves the bytes whose arrival time has come from "on the line" to "readable".</summary>
        private void DeliverArrived(long now)
        {
            _schedule?.TakeArrived(now);
        }

        /// <summary>
        /// Sleeps until the next byte is due or the deadline passes, whichever is first. Sleeps are
        /// coarse (a millisecond or more), so the last stretch before an arrival is spun out of the
        /// lock instead: a modeled latency must not grow by the scheduler's slack.
        /// </summary>
        private void WaitForArrival(long now, long deadline)
        {
            double? next = _schedule?.NextArrival();
            double until = next is double due ? Math.Min(deadline, due) : deadline;
            double milliseconds = (until - now) * 1000.0 / Stopwatch.Frequency;
            if (next == null || milliseconds >= 2)
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
    }
}
