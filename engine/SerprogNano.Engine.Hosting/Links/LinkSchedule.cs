using System;
using System.Collections.Generic;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>
    /// When the bytes written into one direction of a <see cref="LinkModel"/> link become readable, on a
    /// clock the caller passes in (Stopwatch ticks), so it is the same arithmetic under test as in use.
    /// Bytes cross the line one after another at the line rate; they gather into a delivery (a packet,
    /// or a burst) that closes when it is full or when the line falls idle with no byte behind it; a
    /// closed delivery becomes readable all at once, the latency after its last byte.
    /// </summary>
    public sealed class LinkSchedule
    {
        private readonly double _ticksPerByte;
        private readonly double _latencyTicks;
        private readonly int _deliveryBytes;
        private readonly Queue<Delivery> _closed = new();
        private double _lineFreeAt;
        private int _open;

        public LinkSchedule(LinkModel model)
        {
            ArgumentNullException.ThrowIfNull(model);
            _ticksPerByte = model.TicksPerByte;
            _latencyTicks = model.LatencyTicks;
            _deliveryBytes = model.DeliveryBytes;
        }

        /// <summary>Bytes written and not yet readable.</summary>
        public int InFlight { get; private set; }

        /// <summary>Puts <paramref name="count"/> bytes written at <paramref name="now"/> on the line behind those still crossing it.</summary>
        public void Write(long now, int count)
        {
            CloseIfIdle(now);
            double at = Math.Max(now, _lineFreeAt);
            InFlight += count;
            while (count > 0)
            {
                int taken = Math.Min(count, _deliveryBytes - _open);
                _open += taken;
                count -= taken;
                at += taken * _ticksPerByte;
                if (_open == _deliveryBytes)
                {
                    Close(at);
                }
            }

            _lineFreeAt = at;
        }

        /// <summary>Takes the bytes readable at <paramref name="now"/>: they leave the line and become the reader's.</summary>
        public int TakeArrived(long now)
        {
            CloseIfIdle(now);
            int arrived = 0;
            while (_closed.Count > 0 && _closed.Peek().ReadableAt <= now)
            {
                arrived += _closed.Dequeue().Count;
            }

            InFlight -= arrived;
            return arrived;
        }

        /// <summary>The tick at which more bytes may become readable, or null when nothing is on the line.</summary>
        public double? NextArrival()
        {
            if (_closed.Count > 0)
            {
                return _closed.Peek().ReadableAt;
            }

            // The open delivery closes when the line falls idle at the latest; more writes only postpone it.
            return _open > 0 ? _lineFreeAt + _latencyTicks : null;
        }

        /// <summary>A partial delivery leaves once its last byte has crossed and nothing follows it.</summary>
        private void CloseIfIdle(long now)
        {
            if (_open > 0 && now >= _lineFreeAt)
            {
                Close(_lineFreeAt);
            }
        }

        private void Close(double lastByteAt)
        {
            _closed.Enqueue(new Delivery(_open, lastByteAt + _latencyTicks));
            _open = 0;
        }

        private readonly record struct Delivery(int Count, double ReadableAt);
    }
}
