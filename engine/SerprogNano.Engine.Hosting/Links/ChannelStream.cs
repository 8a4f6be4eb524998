using System;
using System.IO;
using System.Threading;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>The host end of an in-process link: a duplex stream whose reads time out like a serial port's.</summary>
    public sealed class ChannelStream : Stream
    {
        private readonly ByteChannel _incoming;
        private readonly ByteChannel _outgoing;
        private int _readTimeout = Timeout.Infinite;

        public ChannelStream(ByteChannel incoming, ByteChannel outgoing)
        {
            _incoming = incoming;
            _outgoing = outgoing;
        }

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override bool CanTimeout => true;

        public override int ReadTimeout
        {
            get => _readTimeout;
            set => _readTimeout = value;
        }

        /// <summary>Bytes received and not yet read.</summary>
        public int BytesAvailable => _incoming.Available;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = _incoming.Read(buffer, TimeSpan.FromMilliseconds(_readTimeout));
            if (read == 0 && !buffer.IsEmpty)
            {
                throw new TimeoutException($"No byte arrived within {_readTimeout} ms.");
            }

            return Math.Max(read, 0);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                _outgoing.Write(buffer);
            }
            catch (ObjectDisposedException e)
            {
                throw new IOException("The emulated device closed the link.", e);
            }
        }

        /// <summary>Drops bytes received and not yet read, as a serial port's DiscardInBuffer.</summary>
        public void DiscardInput() => _incoming.Clear();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _outgoing.Close();
                _incoming.Close();
            }

            base.Dispose(disposing);
        }
    }
}
