using System;
using System.Net.Sockets;
using System.Threading;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine;

namespace SerprogNano.Engine.Hosting.Tcp
{
    /// <summary>
    /// A TCP connection seen through a modeled UART: bytes cross a <see cref="LinkModel"/> link in each
    /// direction, so a client over loopback meets the rate and latency of a real serial programmer.
    /// </summary>
    public sealed class ModeledSocketLink : IDisposable
    {
        private readonly Socket _socket;
        private readonly InProcessLink _link;
        private readonly Thread _toDevice;
        private readonly Thread _toHost;

        public ModeledSocketLink(Socket socket, LinkModel model, TimeSpan frameTimeout)
        {
            _socket = socket;
            _socket.NoDelay = true;
            _link = new InProcessLink(frameTimeout, model: model);
            _toDevice = new Thread(PumpToDevice) { IsBackground = true, Name = "modeled link to device" };
            _toHost = new Thread(PumpToHost) { IsBackground = true, Name = "modeled link to host" };
            _toDevice.Start();
            _toHost.Start();
        }

        /// <summary>The end the engine serves.</summary>
        public ISerialLink Device => _link.Device;

        public void Dispose()
        {
            _link.Host.Dispose();
            _toDevice.Join(TimeSpan.FromSeconds(2));
            _toHost.Join(TimeSpan.FromSeconds(2));
        }

        private void PumpToDevice()
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = _socket.Receive(buffer)) > 0)
                {
                    _link.Host.Write(buffer, 0, read);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or System.IO.IOException)
            {
                // The client or the engine went away; closing the link below tells the other side.
            }

            _link.Host.Dispose();
        }

        private void PumpToHost()
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = _link.Host.Read(buffer, 0, buffer.Length)) > 0)
                {
                    _socket.Send(buffer, 0, read, SocketFlags.None);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // As above.
            }
        }
    }
}
