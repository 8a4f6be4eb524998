using System;
using System.IO;

namespace SerprogNano.Cli
{
    /// <summary>Where the command writes: the process's console, or captured writers in tests.</summary>
    public sealed class CliConsole
    {
        public CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal)
        {
            Out = output;
            Error = error;
            ErrorIsTerminal = errorIsTerminal;
        }

        /// <summary>Results: human text, or the one JSON object with --json.</summary>
        public TextWriter Out { get; }

        /// <summary>Progress, warnings, and the human text when stdout carries JSON.</summary>
        public TextWriter Error { get; }

        /// <summary>Whether a live progress bar can be drawn on <see cref="Error"/>.</summary>
        public bool ErrorIsTerminal { get; }

        public static CliConsole FromProcess() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
    }
}
