using System;
using SerprogNano.Host.Operations;
using Spectre.Console;

namespace SerprogNano.Cli.Output
{
    /// <summary>
    /// Shows long operations on stderr: a live Spectre.Console bar per phase on a terminal, else
    /// (redirected, or --json) a plain line at most once a second and one when each phase ends.
    /// Either way with bytes done, speed and time left.
    /// </summary>
    public sealed class ProgressDisplay
    {
        private readonly CliConsole _console;
        private readonly bool _live;

        public ProgressDisplay(CliConsole console, bool json)
        {
            _console = console;
            _live = console.ErrorIsTerminal && !json;
        }

        public T Run<T>(Func<IProgress<OperationProgress>, T> work)
        {
            if (!_live)
            {
                return work(new PlainProgressLines(_console.Error));
            }

            IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_console.Error) });
            return terminal.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(
                    new TaskDescriptionColumn(),
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new DownloadedColumn(),
                    new TransferSpeedColumn(),
                    new RemainingTimeColumn())
                .Start(live => work(new SpectrePhases(live)));
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
