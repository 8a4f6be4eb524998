using System;
using System.Diagnostics;
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
    /// <see cref="SerprogTcpBanner.Busy"/> and the connection closed, so it can say the programmer is busy;
    /// each is admitted or refused on its own thread, so many at once do not queue behind one another. A
    /// client that sends nothing for the idle time-out is disconnected, freeing the programmer.
    /// </summary>
    public sealed class SerprogTcpServer : IDisposable
    {
        /// <summary>How long a refused connection is kept to let the client read the banner before the close.</summary>
        private static readonly TimeSpan RefusalLinger = TimeSpan.FromSeconds(2);

        /// <summary>How long a new client waits for the one being served to leave before it is refused.</summary>
        private static readonly TimeSpan BusyGrace = TimeSpan.FromSeconds(1);

        /// <summary>How long a client may send nothing before it is disconnected, unless told otherwise.</summary>
        public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);

        private readonly Action<ISerialLink> _serve;
        private readonly TimeSpan _frameTimeout;
        private readonly LinkModel? _model;
        private readonly TimeSpan _idleTimeout;
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
        /// <param name="idleTimeout">How long a client may send nothing before it is disconnected; <see cref="DefaultIdleTimeout"/> when null.</param>
        public SerprogTcpServer(Action<ISerialLink> serve, IPEndPoint endpoint, TimeSpan? frameTimeout = null, LinkModel? model = null, TimeSpan? idleTimeout = null)
        {
            _serve = serve;
            _frameTimeout = frameTimeout ?? InProcessLink.DefaultFrameTimeout;
            _model = model;
            _idleTimeout = idleTimeout ?? DefaultIdleTimeout;
            _listener = new TcpListener(endpoint);
            _listener.Start();
            _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "serprog tcp" };
            _acceptor.Start();
        }

        /// <summary>The bound address, with the port the system chose when asked for port 0.</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

        /// <summary>Clients that have connected so far.</summary>
        public int Connections => Volatile.Read(ref _connections);

        /// <summary>
        /// Waits until no client is being served: a client that went away leaves the device still running the commands
        /// it had already sent (a queue of erases), as a real programmer does. False when <paramref name="timeout"/> passes first.
        /// </summary>
        public bool WaitUntilFree(TimeSpan timeout)
        {
            lock (_gate)
            {
                AwaitFree(timeout);
                return _client == null;
            }
        }

        /// <summary>With <see cref="_gate"/> held: waits until no client is served, the server stops, or <paramref name="timeout"/> passes.</summary>
        private void AwaitFree(TimeSpan timeout)
        {
            var waited = Stopwatch.StartNew();
            while (_client != null && !_stopping)
            {
                TimeSpan left = timeout - waited.Elapsed;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    return;
                }
            }
        }

        /// <summary>Raised with the client's address when a client connects or leaves.</summary>
        public event Action<string>? ClientChanged;

        public void Dispose()
        {
            _stopping = true;
            _listener.Stop();
            lock (_gate)
            {
                _client?.Dispose();
                Monitor.PulseAll(_gate);
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
                new Thread(() => Admit(socket)) { IsBackground = true, Name = "serprog tcp client" }.Start();
            }
        }

        /// <summary>Serves the client if the programmer is free, or frees up within <see cref="BusyGrace"/>; else refuses it.</summary>
        private void Admit(Socket socket)
        {
            string peer = socket.RemoteEndPoint?.ToString() ?? "client";
            string? busyWith;
            lock (_gate)
            {
                // A command run right after another connects before the server has seen the first close.
                AwaitFree(BusyGrace);

                if (_stopping)
                {
                    socket.Dispose();
                    return;
                }

                busyWith = _client != null ? _clientPeer : null;
                if (busyWith == null)
                {
                    _client = socket;
                    _clientPeer = peer;
                    _serving = Thread.CurrentThread;
                }
            }

            if (busyWith != null)
            {
                ClientChanged?.Invoke(peer + " refused: busy with " + busyWith);
                Refuse(socket, busyWith);
                return;
            }

            Serve(socket, peer);
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
            IdleLimitedLink? link = null;
            try
            {
                if (_model is null)
                {
                    link = new IdleLimitedLink(new SocketSerialLink(socket, _frameTimeout), _idleTimeout);
                    _serve(link);
                }
                else
                {
                    using var modeled = new ModeledSocketLink(socket, _model, _frameTimeout);
                    link = new IdleLimitedLink(modeled.Device, _idleTimeout);
                    _serve(link);
                }
            }
            finally
            {
                lock (_gate)
                {
                    _client = null;
                    _clientPeer = null;
                    Monitor.PulseAll(_gate);
                }

                socket.Dispose();
                ClientChanged?.Invoke(peer + (link is { TimedOut: true } ? " disconnected: sent nothing for " + _idleTimeout.TotalSeconds + " s (idle time-out)" : " disconnected"));
            }
        }
    }
}
