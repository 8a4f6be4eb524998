using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Engine.Hosting.Tcp
{
    /// <summary>
    /// Serves an engine behind a serial link (the emulator's, or one on a board's pins) on a TCP port, one
    /// client at a time, until disposed. A client that connects while another is served gets
    /// <see cref="SerprogTcpBanner.Busy"/> and the connection closed, so it can say the programmer is busy.
    /// </summary>
    public sealed class SerprogTcpServer : IDisposable
    {
        /// <summary>How long a refused connection is kept to let the client read the banner before the close.</summary>
        private static readonly TimeSpan RefusalLinger = TimeSpan.FromSeconds(2);

        /// <summary>How long a new client waits for the one being served to leave before it is refused.</summary>
        private static readonly TimeSpan BusyGrace = TimeSpan.FromSeconds(1);

        private readonly Action<ISerialLink> _serve;
        private readonly TimeSpan _frameTimeout;
        private readonly LinkModel? _model;
        private readonly TcpListener _listener;
        private readonly Thread _acceptor;
        private readonly object _gate = new();
        private Socket? _client;
        private string? _clientPeer;
        private Thread? _serving;
        private volatile bool _stopping;
        private int _connections;

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
            Thread? serving;
            lock (_gate)
            {
                serving = _serving;
            }

            serving?.Join(TimeSpan.FromSeconds(5));
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
                string peer = socket.RemoteEndPoint?.ToString() ?? "client";
                Thread? current;
                lock (_gate)
                {
                    current = _client != null ? _serving : null;
                }

                // A command run right after another connects before the server has seen the first close.
                current?.Join(BusyGrace);
                string? busyWith;
                lock (_gate)
                {
                    busyWith = _client != null ? _clientPeer : null;
                    if (busyWith == null)
                    {
                        _client = socket;
                        _clientPeer = peer;
                        _serving = new Thread(() => Serve(socket, peer)) { IsBackground = true, Name = "serprog tcp client" };
                        _serving.Start();
                    }
                }

                if (busyWith != null)
                {
                    ClientChanged?.Invoke(peer + " refused: busy with " + busyWith);
                    new Thread(() => Refuse(socket, busyWith)) { IsBackground = true, Name = "serprog tcp refusal" }.Start();
                }
            }
        }

        /// <summary>Sends the banner, then waits for the client to close first, so the banner is not lost to a reset.</summary>
        private static void Refuse(Socket socket, string busyWith)
        {
            using (socket)
            {
                try
                {
                    socket.Send(System.Text.Encoding.ASCII.GetBytes(SerprogTcpBanner.Busy + busyWith + "\n"));
                    socket.Shutdown(SocketShutdown.Send);
                    socket.ReceiveTimeout = (int)RefusalLinger.TotalMilliseconds;
                    var scratch = new byte[256];
                    while (socket.Receive(scratch) > 0)
                    {
                    }
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // The client left, or did not close in time: either way the refusal is done.
                }
            }
        }

        private void Serve(Socket socket, string peer)
        {
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
                    _clientPeer = null;
                }

                socket.Dispose();
                ClientChanged?.Invoke(peer + " disconnected");
            }
        }
    }
}
