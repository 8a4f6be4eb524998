using System;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Bench;
using SerprogNano.Host.Operations;
using Spectre.Console;

namespace SerprogNano.Cli.Output
{
    /// <summary>
    /// Shows long operations on stderr: a live Spectre.Console bar per phase on a terminal, else
    /// (redirected, or --json) a plain line at most twice a second and one when each phase ends.
    /// Either way with bytes done, speed and time left; each phase's time and average speed also go
    /// into the JSON result ("phases"). Every report is a safe point to stop at after Ctrl+C.
    /// </summary>
    public sealed class ProgressDisplay
    {
        private readonly CliConsole _console;
        private readonly bool _live;
        private readonly JsonObject _result;
        private readonly Interruption _interruption;

        public ProgressDisplay(CliConsole console, bool json, JsonObject result, Interruption interruption)
        {
            _console = console;
            _live = console.ErrorIsTerminal && !json;
            _result = result;
            _interruption = interruption;
        }

        public T Run<T>(Func<IProgress<OperationProgress>, T> work)
        {
            _interruption.StopHereIfAsked();
            if (!_live)
            {
                return Timed(new PlainProgressLines(_console.Error), work);
            }

            IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_console.Error) });
            var finished = new PhaseTimer?[1];
            T result = terminal.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(
                    new TaskDescriptionColumn(),
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new DownloadedColumn(),
                    new TransferSpeedColumn(),
                    new ElapsedTimeColumn(),
                    new RemainingTimeColumn())
                .Start(live => Timed(new SpectrePhases(live), work, finished));

            // The bars end with the last speed seen; a line per phase gives its time and average speed.
            foreach (string phase in finished[0]!.Phases)
            {
                if (finished[0]!.Total(phase) > 0)
                {
                    _console.Error.WriteLine(PlainProgressLines.Finished(phase, finished[0]!.Total(phase), finished[0]!.Duration(phase)));
                }
            }

            return result;
        }

        /// <param name="finished">Gets the phases' timer once the work has succeeded.</param>
        private T Timed<T>(IProgress<OperationProgress> display, Func<IProgress<OperationProgress>, T> work, PhaseTimer?[]? finished = null)
        {
            var timer = new PhaseTimer(display);
            try
            {
                T result = work(new StopPoint(timer, _interruption));
                if (finished != null)
                {
                    finished[0] = timer;
                }

                return result;
            }
            finally
            {
                Record(timer);
            }
        }

        /// <summary>Adds each phase's bytes, time and average speed to the JSON result.</summary>
        private void Record(PhaseTimer timer)
        {
            var phases = _result["phases"] as JsonArray ?? new JsonArray();
            foreach (string phase in timer.Phases)
            {
                long total = timer.Total(phase);
                if (total == 0)
                {
                    continue;
                }

                double seconds = timer.Duration(phase).TotalSeconds;
                long done = timer.Done(phase);
                phases.Add(new JsonObject
                {
                    ["phase"] = phase,
                    ["bytes"] = done,
                    ["total"] = total,
                    ["seconds"] = Math.Round(seconds, 3),
                    ["bytesPerSecond"] = seconds > 0 ? Math.Round(done / seconds) : null,
                });
            }

            _result["phases"] = phases;
        }

        /// <summary>Passes each report on, then stops there if the user asked to.</summary>
        private sealed class StopPoint : IProgress<OperationProgress>
        {
            private readonly IProgress<OperationProgress> _next;
            private readonly Interruption _interruption;

            public StopPoint(IProgress<OperationProgress> next, Interruption interruption)
            {
                _next = next;
                _interruption = interruption;
            }

            public void Report(OperationProgress value)
            {
                _next.Report(value);
                _interruption.StopHereIfAsked();
            }
        }

        /// <summary>One Spectre task per phase, created when the phase first reports.</summary>
        private sealed class SpectrePhases : IProgress<OperationProgress>
        {
            private readonly ProgressContext _live;
            private ProgressTask? _task;
            private string? _phase;

            public SpectrePhases(ProgressContext live) => _live = live;

            public void Report(OperationProgress value)
            {
                if (value.Total == 0)
                {
                    return; // A phase with nothing to do (no block needs erasing) gets no bar.
                }

                if (_task == null || value.Phase != _phase)
                {
                    _task?.StopTask();
                    _phase = value.Phase;
                    _task = _live.AddTask(value.Phase, maxValue: value.Total);
                }

                _task.Value = value.Done;
                if (value.Done >= value.Total)
                {
                    _task.StopTask();
                }
            }
        }
    }
}
