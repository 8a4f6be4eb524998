using System;
using System.Diagnostics;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>
    /// How a modeled link carries bytes, as a USB-serial adapter does: at a UART's byte rate (8N1 sends
    /// 10 bits per byte, so baud/10 bytes per second), gathered into packets (a full-speed USB packet
    /// holds 64 bytes; a partial one leaves when the line falls idle, as the adapter's latency timer
    /// flushes it), each packet arriving a fixed latency after its last byte crossed the line. A bursty
    /// link holds packets and releases them together in large bursts, as a busy host or USB stack does;
    /// the far end then sees many bytes at once, late, however fast they were sent.
    /// </summary>
    public sealed class LinkModel
    {
        /// <summary>Bits on the wire per byte in 8N1: start, 8 data, stop.</summary>
        public const int BitsPerByte = 10;

        /// <summary>A full-speed USB bulk packet.</summary>
        public const int UsbPacketBytes = 64;

        /// <summary>What a bursty link gathers before releasing: a busy host's USB transfer.</summary>
        public const int DefaultBurstBytes = 4096;

        /// <summary>The fastest line a user may ask for: 100 Mbaud, past every USB-serial adapter.</summary>
        public const long MaxBaudRate = 100_000_000;

        /// <summary>
        /// The longest latency a user may ask for: a command's round trip (twice this) must stay inside the
        /// 600 ms the host waits while it synchronizes, or the modeled programmer looks absent.
        /// </summary>
        public const long MaxLatencyMicroseconds = 250_000;

        /// <summary>The names <see cref="WithShape"/> takes.</summary>
        public static readonly string[] ShapeNames = { "packets", "bursty" };

        public LinkModel(long baudRate, long latencyMicroseconds, int burstBytes = 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(baudRate);
            ArgumentOutOfRangeException.ThrowIfNegative(latencyMicroseconds);
            ArgumentOutOfRangeException.ThrowIfNegative(burstBytes);
            BaudRate = baudRate;
            LatencyMicroseconds = latencyMicroseconds;
            BurstBytes = burstBytes;
        }

        /// <summary>Line rate in baud; 0 means bytes take no time to serialize.</summary>
        public long BaudRate { get; }

        /// <summary>Delay every packet sees on its way, on top of its bytes' serialization time.</summary>
        public long LatencyMicroseconds { get; }

        /// <summary>Bytes a bursty link gathers before it releases them; 0 for a link that delivers every packet.</summary>
        public int BurstBytes { get; }

        /// <summary>Bytes delivered together: a burst on a bursty link, else a USB packet.</summary>
        public int DeliveryBytes => BurstBytes > 0 ? BurstBytes : UsbPacketBytes;

        /// <summary>"packets" or "bursty".</summary>
        public string Shape => BurstBytes > 0 ? ShapeNames[1] : ShapeNames[0];

        /// <summary>Payload bytes per second the line carries at most, or null when it has no rate limit.</summary>
        public double? BytesPerSecond => BaudRate == 0 ? null : (double)BaudRate / BitsPerByte;

        /// <summary>Stopwatch ticks one byte occupies the line (0 without a rate limit).</summary>
        internal double TicksPerByte => BaudRate == 0 ? 0 : (double)Stopwatch.Frequency * BitsPerByte / BaudRate;

        internal double LatencyTicks => (double)Stopwatch.Frequency * LatencyMicroseconds / 1_000_000;

        /// <summary>The same rate and latency delivered as <paramref name="shape"/> ("packets" or "bursty"); null for an unknown name.</summary>
        public LinkModel? WithShape(string shape) => shape.ToLowerInvariant() switch
        {
            "packets" => new LinkModel(BaudRate, LatencyMicroseconds),
            "bursty" => new LinkModel(BaudRate, LatencyMicroseconds, DefaultBurstBytes),
            _ => null,
        };

        public override string ToString()
        {
            string rate = BaudRate == 0 ? "unlimited rate" : BaudRate + " baud";
            string shape = BurstBytes > 0 ? "bursts of " + BurstBytes + " bytes" : UsbPacketBytes + "-byte packets";
            return rate + ", " + LatencyMicroseconds + " us latency, " + shape;
        }
    }
}
