using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using SerprogNano.Emulator.Links;
using SerprogNano.Engine;

namespace SerprogNano.Emulator.Tcp
{
    /// <summary>
    /// Serves a <see cref="SerprogEmulator"/> (or any engine behind a serial link) on a TCP port, one
    /// client at a time, until disposed.
    /// </summary>
    public sealed class SerprogTcpServer : IDisposable
    {
        private readonly Action<ISerialLink> _serve;
        private readonly TimeSpan _frameTimeout;
        private readonly LinkModel? _model;
        private readonly TcpListener _listener;
        private readonly Thread _acceptor;
        private readonly object _gate = new();
        private Socket? _client;
        private volatile bool _stopping;
        private int _connections;

        /// <param name="model">A UART to put between each client and the engine; null serves at loopback speed.</param>
        public SerprogTcpServer(SerprogEmulator emulator, IPEndPoint endpoint, TimeSpan? frameTimeout = null, LinkModel? model = null)
            : this(emulator.Serve, endpoint, frameTimeout, model)
        {
        }

        /// <param name="serve">Runs an engine on one client's link until the link closes.</param>
        /// <param name="model">A UART to put between each client and the engine; null serves at loopback speed.</param>
        public SerprogTcpServer(Action<ISerialLink> serve, IPEndPoint endpoint, TimeSpan? frameTimeout = null, LinkModel? model = null)
        {
            _serve = serve;
            _frameTimeout = frameTimeout ?? InProcessLink.DefaultFrameTimeout;
            _model = model;
            _listener = new TcpListener(endpoint);
            _listener.Start();
            _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "serprog tcp" };
            _acceptor.Start();
        }

        /// <summary>The bound address, with the port the system chose when asked for port 0.</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

        /// <summary>Clients that have connected so far.</summary>
        public int Connections => Volatile.Read(ref _connections);

        /// <summary>Raised with the client's address when a client connects or leaves.</summary>
        public event Action<string>? ClientChanged;

        public void Dispose()
        {
            _stopping = true;
            _listener.Stop();
            lock (_gate)
            {
                _client?.Dispose();
            }

            _acceptor.Join(TimeSpan.FromSeconds(5));
        }

        private void AcceptLoop()
        {
            while (!_stopping)
            {
                Socket socket;
                try
                {
                    socket = _listener.AcceptSocket();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                Serve(socket);
            }
        }

        private void Serve(Socket socket)
        {
            string peer = socket.RemoteEndPoint?.ToString() ?? "client";
            lock (_gate)
            {
                _client = socket;
            }

            ClientChanged?.Invoke(peer + " connected");
            try
            {
                if (_model is null)
                {
                    _serve(new SocketSerialLink(socket, _frameTimeout));
                }
                else
                {
                    using var modeled = new ModeledSocketLink(socket, _model, _frameTimeout);
                    _serve(modeled.Device);
                }
            }
            finally
            {
                lock (_gate)
                {
                    _client = null;
                }

                socket.Dispose();
                ClientChanged?.Invoke(peer + " disconnected");
            }
        }
    }
}
