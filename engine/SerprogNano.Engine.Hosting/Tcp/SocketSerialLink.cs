using System;
using System.Net.Sockets;
using SerprogNano.Engine.Hosting.Links;

namespace SerprogNano.Engine.Hosting.Tcp
{
    /// <summary>A TCP connection as the engine's serial link (flashrom's `-p serprog:ip=`).</summary>
    public sealed class SocketSerialLink : IDisconnectableLink
    {
        private readonly Socket _socket;
        private readonly int _frameTimeoutMicroseconds;

        public SocketSerialLink(Socket socket, TimeSpan frameTimeout)
        {
            _socket = socket;
            // Nagle would hold back a short reply waiting for more: flashrom then crawls (see serprog.md).
            _socket.NoDelay = true;
            _frameTimeoutMicroseconds = (int)Math.Min(frameTimeout.Ticks / 10, int.MaxValue);
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                if (!_socket.Poll(_frameTimeoutMicroseconds, SelectMode.SelectRead))
                {
                    return 0;
                }

                int read = _socket.Receive(buffer, offset, count, SocketFlags.None);
                return read == 0 ? -1 : read;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return -1;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                while (count > 0)
                {
                    int sent = _socket.Send(buffer, offset, count, SocketFlags.None);
                    offset += sent;
                    count -= sent;
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The peer is gone; the engine sees it on its next read.
            }
        }

        /// <summary>Shuts the connection down both ways: the host reads the end of the stream.</summary>
        public void Disconnect()
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already gone.
            }
        }
    }
}
