using System;
using System.IO;
using System.Net.Sockets;

namespace SerprogNano.Host.Transports
{
    /// <summary>A serprog device behind a TCP port (ser2net, an SBC server, <c>serprog emulate</c>).</summary>
    public sealed class TcpTransport : IByteTransport
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private TimeSpan _readTimeout;

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
            ReadTimeout = TimeSpan.FromSeconds(2);
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
                throw new TransportClosedException(Description + " failed: " + e.Message, e);
            }

            if (read == 0 && !buffer.IsEmpty)
            {
                throw new TransportClosedException(Description + " closed the connection.");
            }

            return read;
        }

        public void DiscardInput()
        {
            var scratch = new byte[4096];
            while (_client.Available > 0)
            {
                _ = _stream.Read(scratch, 0, Math.Min(scratch.Length, _client.Available));
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
        }
    }
}
