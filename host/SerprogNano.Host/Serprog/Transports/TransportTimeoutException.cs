using System;

namespace SerprogNano.Host.Serprog.Transports
{
    /// <summary>No byte arrived within the read time-out.</summary>
    public sealed class TransportTimeoutException : TimeoutException
    {
        public TransportTimeoutException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
