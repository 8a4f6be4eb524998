using System.Threading;
using SerprogNano.Engine;

namespace SerprogNano.Firmware.Tests.Harness
{
    /// <summary>The device end of a link, counting the engine's calls: on a board each one is a native call.</summary>
    internal sealed class CountingSerialLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private long _reads;
        private long _writes;

        public CountingSerialLink(ISerialLink inner)
        {
            _inner = inner;
        }

        public long Reads => Interlocked.Read(ref _reads);

        public long Writes => Interlocked.Read(ref _writes);

        public int Read(byte[] buffer, int offset, int count)
        {
            Interlocked.Increment(ref _reads);
            return _inner.Read(buffer, offset, count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Interlocked.Increment(ref _writes);
            _inner.Write(buffer, offset, count);
        }
    }
}
