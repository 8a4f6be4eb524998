using System;
using System.Diagnostics;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>
    /// How fast a modeled link carries bytes: a UART's byte rate (8N1 sends 10 bits per byte, so
    /// baud/10 bytes per second) and a fixed latency per direction (USB frames, drivers, the network).
    /// </summary>
    public sealed class LinkModel
    {
        /// <summary>Bits on the wire per byte in 8N1: start, 8 data, stop.</summary>
        public const int BitsPerByte = 10;

        public LinkModel(long baudRate, long latencyMicroseconds)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(baudRate);
            ArgumentOutOfRangeException.ThrowIfNegative(latencyMicroseconds);
            BaudRate = baudRate;
            LatencyMicroseconds = latencyMicroseconds;
        }

        /// <summary>Line rate in baud; 0 means bytes take no time to serialize.</summary>
        public long BaudRate { get; }

        /// <summary>Delay every byte sees on its way, on top of its serialization time.</summary>
        public long LatencyMicroseconds { get; }

        /// <summary>Payload bytes per second the line carries at most, or null when it has no rate limit.</summary>
        public double? BytesPerSecond => BaudRate == 0 ? null : (double)BaudRate / BitsPerByte;

        /// <summary>Stopwatch ticks one byte occupies the line (0 without a rate limit).</summary>
        internal double TicksPerByte => BaudRate == 0 ? 0 : (double)Stopwatch.Frequency * BitsPerByte / BaudRate;

        internal double LatencyTicks => (double)Stopwatch.Frequency * LatencyMicroseconds / 1_000_000;

        public override string ToString()
        {
            string rate = BaudRate == 0 ? "unlimited rate" : BaudRate + " baud";
            return rate + ", " + LatencyMicroseconds + " us latency";
        }
    }
}
