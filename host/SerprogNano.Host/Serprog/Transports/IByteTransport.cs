using System;

namespace SerprogNano.Host.Serprog.Transports
{
    /// <summary>A duplex byte link to a programmer: serial port, TCP socket or in-process emulator.</summary>
    public interface IByteTransport : IDisposable
    {
        /// <summary>
        /// The read time-out a link starts with, and the serprog client's reply time-out unless it is given another
        /// (<see cref="SerprogClientOptions.ReplyTimeout"/>): the longest silence on the link while a reply is due.
        /// </summary>
        static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(2);

        /// <summary>What the link is, for messages ("serial /dev/ttyACM0 at 115200 baud").</summary>
        string Description { get; }

        /// <summary>How long <see cref="Read"/> waits for the first byte before it throws.</summary>
        TimeSpan ReadTimeout { get; set; }

        /// <summary>Sends all bytes.</summary>
        void Write(ReadOnlySpan<byte> data);

        /// <summary>
        /// Reads what has arrived (at least one byte). Throws <see cref="TransportTimeoutException"/>
        /// when nothing arrives within <see cref="ReadTimeout"/>, <see cref="TransportClosedException"/> once the link is gone.
        /// </summary>
        int Read(Span<byte> buffer);

        /// <summary>Drops every byte received and not yet read.</summary>
        void DiscardInput();
    }
}
