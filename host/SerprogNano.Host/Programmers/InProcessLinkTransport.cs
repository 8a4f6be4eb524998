using System;
using System.IO;
using SerprogNano.Emulator.Links;
using SerprogNano.Host.Transports;

namespace SerprogNano.Host.Programmers
{
    /// <summary>
    /// The host end of an <see cref="InProcessLink"/> the caller built, so the link can carry a
    /// <see cref="LinkModel"/>. (<see cref="EmulatorTransport"/> opens its own unmodeled link.)
    /// </summary>
    public sealed class InProcessLinkTransport : IByteTransport
    {
        private readonly ChannelStream _stream;
        private TimeSpan _readTimeout;

        public InProcessLinkTransport(ChannelStream stream, string description)
        {
            ArgumentNullException.ThrowIfNull(stream);
            _stream = stream;
            Description = description;
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
            catch (IOException e)
            {
                throw new TransportClosedException(Description + " closed the link.", e);
            }
        }

        public int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = _stream.Read(buffer);
            }
            catch (TimeoutException e)
            {
                throw new TransportTimeoutException("No byte from " + Description + " within " + _readTimeout.TotalMilliseconds + " ms.", e);
            }

            if (read == 0 && !buffer.IsEmpty)
            {
                throw new TransportClosedException(Description + " closed the link.");
            }

            return read;
        }

        public void DiscardInput() => _stream.DiscardInput();

        public void Dispose() => _stream.Dispose();
    }
}
