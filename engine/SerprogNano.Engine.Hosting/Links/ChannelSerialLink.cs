using System;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>The device end of an in-process link, as the engine sees a UART.</summary>
    public sealed class ChannelSerialLink : IDisconnectableLink
    {
        private readonly ByteChannel _fromHost;
        private readonly ByteChannel _toHost;
        private readonly TimeSpan _frameTimeout;

        public ChannelSerialLink(ByteChannel fromHost, ByteChannel toHost, TimeSpan frameTimeout)
        {
            _fromHost = fromHost;
            _toHost = toHost;
            _frameTimeout = frameTimeout;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            return _fromHost.Read(buffer.AsSpan(offset, count), _frameTimeout);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (_toHost.IsClosed)
            {
                return; // The host went away; the engine notices on its next read.
            }

            try
            {
                _toHost.Write(buffer.AsSpan(offset, count));
            }
            catch (ObjectDisposedException)
            {
                // Closed between the check and the write: same as above.
            }
        }

        /// <summary>Closes both channels: the host's reads end and its writes fail.</summary>
        public void Disconnect()
        {
            _fromHost.Close();
            _toHost.Close();
        }
    }
}
