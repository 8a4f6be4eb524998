using System.Threading;

namespace SerprogNano.TestSupport
{
    /// <summary>What the spidev double saw, across reopenings; a transfer above bufsiz fails the test.</summary>
    public sealed class SpidevCounters
    {
        private long _transfers;
        private long _bytes;
        private int _largest;

        public long Transfers => Interlocked.Read(ref _transfers);

        public long Bytes => Interlocked.Read(ref _bytes);

        public int Largest => Volatile.Read(ref _largest);

        /// <summary>Transfers above bufsiz, counted too because a server thread's failure does not reach the test.</summary>
        public int OverLimit { get; private set; }

        public void Record(int length, int bufferSize)
        {
            if (length > bufferSize)
            {
                OverLimit++;
                Assert.Fail("A " + length + "-byte transfer exceeds spidev's bufsiz of " + bufferSize + ": the kernel would refuse it (EMSGSIZE).");
            }

            Interlocked.Increment(ref _transfers);
            Interlocked.Add(ref _bytes, length);
            if (length > _largest)
            {
                Volatile.Write(ref _largest, length);
            }
        }
    }
}
