using System;
using System.Diagnostics;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Sizes the next batch of a pipelined operation from how fast the last one ran, so a batch takes
    /// about its target: progress (and a Ctrl+C, which stops between batches) comes at that pace even on a
    /// 115,200 baud UART, while a fast link keeps its large batches.
    /// </summary>
    internal sealed class BatchPacer
    {
        /// <summary>Page programs: several progress reports a second.</summary>
        public static readonly TimeSpan ProgramTarget = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Reads: every batch ends with the link empty for a round trip and the programmer's first SPI transfer of the
        /// next (an ESP32: about a 10 ms scheduler tick and 16 KiB at the SPI clock, 30 ms in all on the virtual ESP32),
        /// which cost a quarter-second batch a sixth of the link's rate; a second costs a few per cent.
        /// </summary>
        public static readonly TimeSpan ReadTarget = TimeSpan.FromSeconds(1);

        private readonly TimeSpan _target;
        private long _started = Stopwatch.GetTimestamp();

        public BatchPacer(TimeSpan target)
        {
            _target = target;
        }

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
            double fits = seconds > 0 ? amount * _target.TotalSeconds / seconds : maximum;
            long rounded = (long)Math.Min(fits, maximum) / minimum * minimum;
            return (int)Math.Clamp(rounded, minimum, maximum);
        }
    }
}
