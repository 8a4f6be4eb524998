using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace SerprogNano.Cli
{
    /// <summary>
    /// Ctrl+C (SIGINT) and SIGTERM while a command runs: the first asks the command to stop at its next
    /// safe point (between two SPI commands, which progress reports are), so it can release the pins,
    /// restore the terminal and say what state the chip is in. A second one (a hung link never reaches a safe
    /// point) prints what is known of the chip and quits at once, killed by that signal (exit 130 or 143).
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

        /// <summary>
        /// What a second signal prints before quitting: the chip's state and how to finish, from what the command
        /// has noted so far. Runs on the signal's thread while the command may still be in an SPI command: no I/O.
        /// Commands that touch a chip set it; a first signal then also says that the stop is coming.
        /// </summary>
        public Func<string>? AtOnce { get; set; }

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
            string signal = context.Signal == PosixSignal.SIGINT ? "Ctrl+C (SIGINT)" : "SIGTERM";
            if (Requested)
            {
                // The second signal: say what is known, then let the runtime's default action kill the process.
                _console.Error.WriteLine((_console.ErrorIsTerminal ? ShowCursor : "") + "error: Quit at once by a second " + signal
                    + ", maybe in the middle of an SPI command." + (AtOnce is { } atOnce ? " " + atOnce() : ""));
                _console.Error.Flush();
                return;
            }

            context.Cancel = true;
            if (AtOnce != null)
            {
                // A stop can take a while on a slow link: say it is coming, and how not to wait.
                _console.Error.WriteLine("Stopping at the next point between two SPI commands (" + signal + " again quits at once)...");
            }

            Request(signal);
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
