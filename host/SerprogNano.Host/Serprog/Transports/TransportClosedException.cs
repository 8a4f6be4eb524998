using System;
using System.IO;

namespace SerprogNano.Host.Serprog.Transports
{
    /// <summary>The link closed or failed (device unplugged, connection dropped).</summary>
    public sealed class TransportClosedException : IOException
    {
        public TransportClosedException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
