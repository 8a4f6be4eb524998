using System;
using System.IO;
using SerprogNano.Host.Operations;

namespace SerprogNano.Cli.Output
{
    /// <summary>Progress as text lines for logs and pipes: "read: 2.0 MiB of 8.0 MiB (25%), 195.3 KiB/s, 31.4 s left".</summary>
    public sealed class PlainProgressLines : IProgress<OperationProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

        private readonly TextWriter _writer;
        private readonly TimeProvider _time;
        private string? _phase;
        private long _phaseStart;
        private long _lastLine;
        private long _lastReport;
        private bool _finished;

        /// <param name="time">The clock that paces the lines; the system's unless a test drives it.</param>
        public PlainProgressLines(TextWriter writer, TimeProvider? time = null)
        {
            _writer = writer;
            _time = time ?? TimeProvider.System;
        }

        /// <summary>The line that ends a phase: "read: 8.0 MiB in 7.3 s (1.1 MiB/s)".</summary>
        public static string Finished(string phase, long total, TimeSpan elapsed)
        {
            double rate = elapsed.TotalSeconds > 0 ? total / elapsed.TotalSeconds : 0;
            return phase + ": " + ByteUnits.Size(total) + " in " + ByteUnits.Duration(elapsed) + (rate > 0 ? " (" + ByteUnits.Rate(rate) + ")" : "");
        }

        public void Report(OperationProgress value)
        {
            if (value.Total == 0)
            {
                return; // A phase with nothing to do (no block needs erasing) gets no line.
            }

            long now = _time.GetTimestamp();
            if (value.Phase != _phase)
            {
                _phase = value.Phase;
                _phaseStart = now;
                _lastLine = now;
                _lastReport = now;
                _finished = false;
            }

            // Waiting for a full interval would let the line after it come up to a report's gap later (0.7 s at
            // 115,200 baud): a line is due once the next report would land past the interval.
            TimeSpan gap = _time.GetElapsedTime(_lastReport, now);
            _lastReport = now;

            TimeSpan elapsed = _time.GetElapsedTime(_phaseStart, now);
            double rate = elapsed.TotalSeconds > 0 ? value.Done / elapsed.TotalSeconds : 0;
            if (value.Done >= value.Total && !_finished)
            {
                _finished = true;
                _writer.WriteLine(Finished(value.Phase, value.Total, elapsed));
                return;
            }

            if (_time.GetElapsedTime(_lastLine, now) + gap < Interval || value.Done >= value.Total)
            {
                return;
            }

            _lastLine = now;
            string left = rate > 0 ? ", " + ByteUnits.Duration(TimeSpan.FromSeconds((value.Total - value.Done) / rate)) + " left" : "";
            long percent = value.Done * 100 / value.Total;
            _writer.WriteLine(value.Phase + ": " + ByteUnits.Size(value.Done) + " of " + ByteUnits.Size(value.Total) + " (" + percent + "%), " + ByteUnits.Rate(rate) + left);
        }
    }
}
