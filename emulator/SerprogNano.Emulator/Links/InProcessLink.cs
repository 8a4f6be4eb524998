using System;

namespace SerprogNano.Emulator.Links
{
    /// <summary>A duplex byte link inside one process: the device end for the engine, a stream for the host.</summary>
    public sealed class InProcessLink
    {
        /// <summary>How long the engine waits for the rest of a frame before it drops it.</summary>
        public static readonly TimeSpan DefaultFrameTimeout = TimeSpan.FromMilliseconds(500);

        public InProcessLink(TimeSpan? frameTimeout = null, int capacity = 1 << 20)
        {
            var toDevice = new ByteChannel(capacity);
            var toHost = new ByteChannel(capacity);
            Device = new ChannelSerialLink(toDevice, toHost, frameTimeout ?? DefaultFrameTimeout);
            Host = new ChannelStream(toHost, toDevice);
        }

        public ChannelSerialLink Device { get; }

        public ChannelStream Host { get; }
    }
}
