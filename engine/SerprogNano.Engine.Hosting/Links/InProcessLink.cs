using System;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>A duplex byte link inside one process: the device end for the engine, a stream for the host.</summary>
    public sealed class InProcessLink
    {
        /// <summary>How long the engine waits for the rest of a frame before it drops it.</summary>
        public static readonly TimeSpan DefaultFrameTimeout = TimeSpan.FromMilliseconds(EngineSettings.DefaultFrameTimeoutMilliseconds);

        /// <param name="model">Rate and latency applied to both directions; null for an instant link.</param>
        public InProcessLink(TimeSpan? frameTimeout = null, int capacity = 1 << 20, LinkModel? model = null)
        {
            ToDevice = new ByteChannel(capacity, model);
            ToHost = new ByteChannel(capacity, model);
            Device = new ChannelSerialLink(ToDevice, ToHost, frameTimeout ?? DefaultFrameTimeout);
            Host = new ChannelStream(ToHost, ToDevice);
        }

        /// <summary>Bytes from host to engine, for a host end that is no <see cref="System.IO.Stream"/>.</summary>
        public ByteChannel ToDevice { get; }

        /// <summary>Bytes from engine to host.</summary>
        public ByteChannel ToHost { get; }

        public ChannelSerialLink Device { get; }

        public ChannelStream Host { get; }
    }
}
