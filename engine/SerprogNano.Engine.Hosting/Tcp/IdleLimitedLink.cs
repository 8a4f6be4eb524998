using System;
using System.Diagnostics;
using SerprogNano.Engine.Hosting.Links;

namespace SerprogNano.Engine.Hosting.Tcp
{
    /// <summary>
    /// A client's link that ends (reads -1) once nothing has been received or sent for longer than the limit
    /// while the engine waits for a byte, so a client that connects and goes quiet does not hold the
    /// one-client server for ever. A long operation (an erase the engine waits out) ends with its reply, which
    /// restarts the clock before the engine reads again.
    /// </summary>
    public sealed class IdleLimitedLink : IDisconnectableLink
    {
        private readonly ISerialLink _inner;
        private readonly TimeSpan _limit;
        private readonly Stopwatch _idle = Stopwatch.StartNew();

        public IdleLimitedLink(ISerialLink inner, TimeSpan limit)
        {
            ArgumentNullException.ThrowIfNull(inner);
            _inner = inner;
            _limit = limit;
        }

        /// <summary>Whether the link ended because the client was idle too long.</summary>
        public bool TimedOut { get; private set; }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (TimedOut)
            {
                return -1;
            }

            int read = _inner.Read(buffer, offset, count);
            if (read != 0)
            {
                _idle.Restart();
                return read;
            }

            if (_idle.Elapsed >= _limit)
            {
                TimedOut = true;
                Disconnect();
                return -1;
            }

            return 0;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _idle.Restart();
            _inner.Write(buffer, offset, count);
        }

        public void Disconnect() => (_inner as IDisconnectableLink)?.Disconnect();
    }
}
