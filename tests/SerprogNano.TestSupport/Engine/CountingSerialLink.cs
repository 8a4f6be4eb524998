using System;
using System.Threading;
using SerprogNano.Engine;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// The device end of a link, counting the engine's calls (on a board each one is a native call) and, at
    /// each read, what the engine's thread has allocated so far: counted per thread, so that nothing the test
    /// thread or another test allocates is taken for the engine's.
    /// </summary>
    public sealed class CountingSerialLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private long _reads;
        private long _writes;
        private long _allocatedAtLastRead;
        private long _bytesRead;
        private long _bytesReadAtLastTimeout = -1;

        public CountingSerialLink(ISerialLink inner)
        {
            _inner = inner;
        }

        public long Reads => Interlocked.Read(ref _reads);

        public long Writes => Interlocked.Read(ref _writes);

        /// <summary>Bytes the reading (engine) thread had allocated in its lifetime when it last asked for input.</summary>
        public long AllocatedAtLastRead => Interlocked.Read(ref _allocatedAtLastRead);

        /// <summary>Bytes the engine has taken from the link.</summary>
        public long BytesRead => Interlocked.Read(ref _bytesRead);

        /// <summary><see cref="BytesRead"/> when a read last ended by the frame time-out (-1 before the first).</summary>
        public long BytesReadAtLastTimeout => Interlocked.Read(ref _bytesReadAtLastTimeout);

        public int Read(byte[] buffer, int offset, int count)
        {
            Interlocked.Exchange(ref _allocatedAtLastRead, GC.GetAllocatedBytesForCurrentThread());
            Interlocked.Increment(ref _reads);
            int read = _inner.Read(buffer, offset, count);
            if (read > 0)
            {
                Interlocked.Add(ref _bytesRead, read);
            }
            else if (read == 0)
            {
                Interlocked.Exchange(ref _bytesReadAtLastTimeout, Interlocked.Read(ref _bytesRead));
            }

            return read;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Interlocked.Increment(ref _writes);
            _inner.Write(buffer, offset, count);
        }
    }
}
