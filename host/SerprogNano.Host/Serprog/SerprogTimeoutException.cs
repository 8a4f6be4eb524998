using System;

namespace SerprogNano.Host.Serprog
{
    /// <summary>The programmer did not answer a command within the time-out.</summary>
    public sealed class SerprogTimeoutException : SerprogException
    {
        public SerprogTimeoutException(string command, string message, Exception? inner = null)
            : base(command, message, inner)
        {
        }
    }
}
