using System;
using System.Collections.Generic;
using System.Diagnostics;
using SerprogNano.Host.Operations;

namespace SerprogNano.Cli.Bench
{
    /// <summary>
    /// Times the phases of an operation from its progress reports: a phase lasts from the end of the
    /// one before (or the start) to its own last report. Reports are passed on to the display.
    /// </summary>
    public sealed class PhaseTimer : IProgress<OperationProgress>
    {
        private readonly IProgress<OperationProgress> _display;
        private readonly Dictionary<string, TimeSpan> _durations = new();
        private readonly Dictionary<string, long> _totals = new();
        private readonly Dictionary<string, long> _done = new();
        private readonly List<string> _order = new();
        private long _phaseStart;
        private long _lastReport;
        private string? _phase;

        public PhaseTimer(IProgress<OperationProgress> display)
        {
            _display = display;
            _phaseStart = Stopwatch.GetTimestamp();
            _lastReport = _phaseStart;
        }

        /// <summary>Phases in the order they ran.</summary>
        public IReadOnlyList<string> Phases => _order;

        public TimeSpan Duration(string phase) => _durations.GetValueOrDefault(phase);

        /// <summary>Bytes the phase covers.</summary>
        public long Total(string phase) => _totals.GetValueOrDefault(phase);

        /// <summary>Bytes the phase had done at its last report.</summary>
        public long Done(string phase) => _done.GetValueOrDefault(phase);

        public void Report(OperationProgress value)
        {
            long now = Stopwatch.GetTimestamp();
            if (value.Phase != _phase)
            {
                _phaseStart = _phase == null ? _phaseStart : _lastReport;
                _phase = value.Phase;
                _order.Add(value.Phase);
            }

            _lastReport = now;
            _durations[value.Phase] = Stopwatch.GetElapsedTime(_phaseStart, now);
            _totals[value.Phase] = value.Total;
            _done[value.Phase] = value.Done;
            _display.Report(value);
        }
    }
}
