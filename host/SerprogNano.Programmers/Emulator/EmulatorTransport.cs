using System;
using SerprogNano.Emulator;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.Programmers.Emulator
{
    /// <summary>An in-process link to a <see cref="SerprogEmulator"/>, read and written as its two byte channels: the engine runs on a background thread.</summary>
    public sealed class EmulatorTransport : IByteTransport
    {
        private readonly ByteChannel _toDevice;
        private readonly ByteChannel _toHost;

        /// <param name="frameTimeout">How long the emulated device waits for the rest of a frame (its default when null).</param>
        /// <param name="model">A UART to model on the link; null for an instant link.</param>
        public EmulatorTransport(SerprogEmulator emulator, string description = "in-process emulator", TimeSpan? frameTimeout = null, LinkModel? model = null)
        {
            ArgumentNullException.ThrowIfNull(emulator);
            InProcessLink link = emulator.OpenInProcess(frameTimeout, model);
            _toDevice = link.ToDevice;
            _toHost = link.ToHost;
            Description = description;
            ReadTimeout = IByteTransport.DefaultReadTimeout;
        }

        public string Description { get; }

        public TimeSpan ReadTimeout { get; set; }

        public void Write(ReadOnlySpan<byte> data)
        {
            try
            {
                _toDevice.Write(data);
            }
            catch (ObjectDisposedException e)
            {
                throw new TransportClosedException(Description + " closed the link.", e);
            }
        }

        public int Read(Span<byte> buffer)
        {
            int read = _toHost.Read(buffer, ReadTimeout);
            if (read == 0 && !buffer.IsEmpty)
            {
                throw new TransportTimeoutException("No byte from " + Description + " within " + ReadTimeout.TotalMilliseconds + " ms.");
            }

            if (read < 0)
            {
                throw new TransportClosedException(Description + " closed the link.");
            }

            return read;
        }

        public void DiscardInput() => _toHost.Clear();

        public void Dispose()
        {
            _toDevice.Close();
            _toHost.Close();
        }
    }
}
