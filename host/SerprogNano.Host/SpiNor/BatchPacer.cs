using System;
using System.Diagnostics;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Sizes the next batch of a pipelined operation from how fast the last one ran, so a batch takes
    /// about <see cref="Target"/>: progress (and a Ctrl+C, which stops between batches) comes several
    /// times a second on a 115,200 baud UART, while a fast link keeps its large batches.
    /// </summary>
    internal sealed class BatchPacer
    {
        public static readonly TimeSpan Target = TimeSpan.FromMilliseconds(250);

        private long _started = Stopwatch.GetTimestamp();

        /// <summary>Marks the start of a batch.</summary>
        public void Start() => _started = Stopwatch.GetTimestamp();

        /// <summary>Time since <see cref="Start"/>.</summary>
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        /// <summary>
        /// How much the next batch may carry (bytes, pages: the unit of <paramref name="amount"/>), given that the one
        /// just finished moved <paramref name="amount"/>; between <paramref name="minimum"/> and <paramref name="maximum"/>,
        /// a multiple of <paramref name="minimum"/>.
        /// </summary>
        public int Next(long amount, int minimum, int maximum)
        {
            double seconds = Elapsed.TotalSeconds;
            double fits = seconds > 0 ? amount * Target.TotalSeconds / seconds : maximum;
            long rounded = (long)Math.Min(fits, maximum) / minimum * minimum;
            return (int)Math.Clamp(rounded, minimum, maximum);
        }
    }
}
