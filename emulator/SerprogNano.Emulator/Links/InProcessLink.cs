using System;

namespace SerprogNano.Emulator.Links
{
    /// <summary>A duplex byte link inside one process: the device end for the engine, a stream for the host.</summary>
    public sealed class InProcessLink
    {
        /// <summary>How long the engine waits for the rest of a frame before it drops it.</summary>
        public static readonly TimeSpan DefaultFrameTimeout = TimeSpan.FromMilliseconds(500);

        /// <param name="model">Rate and latency applied to both directions; null for an instant link.</param>
        public InProcessLink(TimeSpan? frameTimeout = null, int capacity = 1 << 20, LinkModel? model = null)
        {
            var toDevice = new ByteChannel(capacity, model);
            var toHost = new ByteChannel(capacity, model);
            Device = new ChannelSerialLink(toDevice, toHost, frameTimeout ?? DefaultFrameTimeout);
            Host = new ChannelStream(toHost, toDevice);
        }

        public ChannelSerialLink Device { get; }

        public ChannelStream Host { get; }
    }
}
