using System;
using System.IO;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Links;

namespace SerprogNano.Host.Transports
{
    /// <summary>An in-process link to a <see cref="SerprogEmulator"/>: the engine runs on a background thread.</summary>
    public sealed class EmulatorTransport : IByteTransport
    {
        private readonly ChannelStream _stream;
        private TimeSpan _readTimeout;

        /// <param name="frameTimeout">How long the emulated device waits for the rest of a frame (its default when null).</param>
        /// <param name="model">A UART to model on the link; null for an instant link.</param>
        public EmulatorTransport(SerprogEmulator emulator, string description = "in-process emulator", TimeSpan? frameTimeout = null, LinkModel? model = null)
        {
            ArgumentNullException.ThrowIfNull(emulator);
            _stream = emulator.OpenInProcess(frameTimeout, model);
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
