using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog.Transports
{
    /// <summary>A serprog device behind a TCP port (ser2net, an SBC server, <c>serprog emulate</c>).</summary>
    public sealed class TcpTransport : IByteTransport
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private TimeSpan _readTimeout;

        /// <summary>The first bytes from the server, kept to recognise a busy server's banner when it closes.</summary>
        private readonly byte[] _firstBytes = new byte[128];
        private int _firstCount;

        public TcpTransport(string host, int port, TimeSpan? connectTimeout = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(host);
            ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
            Description = "tcp " + host + ":" + port;

            // Small commands must leave at once; Nagle would hold them for the previous reply.
            _client = new TcpClient { NoDelay = true, SendTimeout = 5000 };
            try
            {
                if (!_client.ConnectAsync(host, port).Wait(connectTimeout ?? TimeSpan.FromSeconds(5)))
                {
                    throw new TransportTimeoutException("No connection to " + Description + " within the time-out.");
                }
            }
            catch (AggregateException e)
            {
                _client.Dispose();
                throw new TransportClosedException("Cannot connect to " + Description + ": " + e.GetBaseException().Message, e);
            }
            catch (TransportTimeoutException)
            {
                _client.Dispose();
                throw;
            }

            _stream = _client.GetStream();
            ReadTimeout = IByteTransport.DefaultReadTimeout;
        }

        public string Description { get; }

        public TimeSpan ReadTimeout
        {
            get => _readTimeout;
            set
            {
                _readTimeout = value;
                _stream.ReadTimeout = (int)Math.Ceiling(value.TotalMilliseconds);
            }
        }

        public void Write(ReadOnlySpan<byte> data)
        {
            try
            {
                _stream.Write(data);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                throw new TransportClosedException(Description + " failed: " + e.Message, e);
            }
        }

        public int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = _stream.Read(buffer);
            }
            catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut })
            {
                throw new TransportTimeoutException("No byte from " + Description + " within " + _stream.ReadTimeout + " ms.", e);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                throw new TransportClosedException(BusyServer() ?? Description + " failed: " + e.Message, e);
            }

            if (read == 0 && !buffer.IsEmpty)
            {
                throw new TransportClosedException(BusyServer() ?? Description + " closed the connection.");
            }

            Keep(buffer[..read]);
            return read;
        }

        private void Keep(ReadOnlySpan<byte> received)
        {
            int take = Math.Min(received.Length, _firstBytes.Length - _firstCount);
            received[..take].CopyTo(_firstBytes.AsSpan(_firstCount));
            _firstCount += take;
        }

        /// <summary>The message for a server that closed because it serves another client (<see cref="SerprogTcpBanner.Busy"/>), else null.</summary>
        private string? BusyServer()
        {
            string start = Encoding.ASCII.GetString(_firstBytes, 0, _firstCount);
            if (!start.StartsWith(SerprogTcpBanner.Busy, StringComparison.Ordinal))
            {
                return null;
            }

            string other = start[SerprogTcpBanner.Busy.Length..];
            int end = other.IndexOf('\n');
            return "the programmer on " + Description + " is busy with another client" + (end > 0 ? " (" + other[..end] + ")" : "")
                + ": servers take one client at a time. Wait until the other one is done, then run the command again.";
        }

        public void DiscardInput()
        {
            var scratch = new byte[4096];
            while (_client.Available > 0)
            {
                int read = _stream.Read(scratch, 0, Math.Min(scratch.Length, _client.Available));
                Keep(scratch.AsSpan(0, read));
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
        }
    }
}
