using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace SerprogNano.Cli
{
    /// <summary>
    /// Ctrl+C (SIGINT) and SIGTERM while a command runs: the first asks the command to stop at its next
    /// safe point (between two SPI commands, which progress reports are), so it can release the pins,
    /// restore the terminal and say what state the chip is in. A second one quits at once.
    /// </summary>
    public sealed class Interruption : IDisposable
    {
        /// <summary>Shows the terminal cursor again (a live progress bar hides it).</summary>
        public const string ShowCursor = "\u001b[?25h";

        private readonly CliConsole _console;
        private readonly CancellationTokenSource _requested = new();
        private readonly PosixSignalRegistration? _interrupt;
        private readonly PosixSignalRegistration? _terminate;
        private string? _signal;

        private Interruption(CliConsole console, bool listen)
        {
            _console = console;
            if (listen)
            {
                _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
                _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
            }
        }

        /// <summary>Which signal asked to stop, as users know it, or null.</summary>
        public string? Signal => Volatile.Read(ref _signal);

        public bool Requested => _requested.IsCancellationRequested;

        /// <summary>Handles SIGINT and SIGTERM until disposed.</summary>
        public static Interruption Listen(CliConsole console) => new(console, listen: true);

        /// <summary>Throws <see cref="CommandInterruptedException"/> if a stop was asked for: call it only where stopping is safe.</summary>
        public void StopHereIfAsked()
        {
            if (Requested)
            {
                throw new CommandInterruptedException(Signal ?? "a signal");
            }
        }

        /// <summary>Blocks until a stop is asked for: what a server does until Ctrl+C.</summary>
        public void WaitUntilRequested() => _requested.Token.WaitHandle.WaitOne();

        /// <summary>Asks to stop, as the signal handler does.</summary>
        public void Request(string signal)
        {
            Volatile.Write(ref _signal, signal);
            _requested.Cancel();
        }

        public void Dispose()
        {
            _interrupt?.Dispose();
            _terminate?.Dispose();
            _requested.Dispose();
        }

        private void Handle(PosixSignalContext context)
        {
            if (Requested)
            {
                // The second signal: quit now, with the cursor back.
                if (_console.ErrorIsTerminal)
                {
                    _console.Error.Write(ShowCursor);
                    _console.Error.Flush();
                }

                return;
            }

            context.Cancel = true;
            Request(context.Signal == PosixSignal.SIGINT ? "Ctrl+C (SIGINT)" : "SIGTERM");
        }
    }

    /// <summary>The user stopped the command; it stopped between two SPI commands: exit code 1.</summary>
    public sealed class CommandInterruptedException : Exception
    {
        public CommandInterruptedException(string signal)
            : base("Stopped by " + signal + " between two SPI commands; the programmer's pins are released.")
        {
            Signal = signal;
        }

        public string Signal { get; }
    }
}
