using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Programmers;

namespace SerprogNano.Cli
{
    /// <summary>One run of one command: its parsed common options, where text goes, and the JSON result it builds.</summary>
    public sealed class CommandContext
    {
        public CommandContext(string commandName, ParseResult parse, CommonOptions common, CliConsole console, Interruption interruption)
        {
            Interruption = interruption;
            Parse = parse;
            Console = console;
            Programmer = parse.GetRequiredValue(common.Programmer);
            SpiSpeedHz = parse.GetValue(common.SpiSpeed);
            BaudRate = (int?)parse.GetValue(common.Baud);
            ChipName = parse.GetValue(common.Chip);
            Json = parse.GetValue(common.Json);
            Verbose = parse.GetValue(common.Verbose);
            Result = new JsonObject { ["command"] = commandName };
            Progress = new ProgressDisplay(console, Json, Result, interruption);
        }

        public ParseResult Parse { get; }

        public CliConsole Console { get; }

        public ProgrammerSpec Programmer { get; }

        /// <summary>--spispeed, which replaces the spispeed= of -p.</summary>
        public uint? SpiSpeedHz { get; }

        /// <summary>--baud: the line rate to move a serial programmer to after the handshake, or null to keep the one it opened at.</summary>
        public int? BaudRate { get; }

        /// <summary>-c/--chip: the part the user says is on the board.</summary>
        public string? ChipName { get; }

        public bool Json { get; }

        public bool Verbose { get; }

        /// <summary>The command's JSON object, printed on stdout with --json.</summary>
        public JsonObject Result { get; }

        public ProgressDisplay Progress { get; }

        /// <summary>Ctrl+C or SIGTERM asked this command to stop at its next safe point.</summary>
        public Interruption Interruption { get; }

        /// <summary>Stdout carries one value for scripts (probe --flash-size): human text goes to stderr.</summary>
        public bool HumanOnStderr { get; set; }

        /// <summary>Human text: stdout normally, stderr when stdout carries JSON or a value for scripts.</summary>
        public TextWriter Human => Json || HumanOnStderr ? Console.Error : Console.Out;

        public void Say(string line) => Human.WriteLine(line);

        public void Detail(string line)
        {
            if (Verbose)
            {
                Human.WriteLine(line);
            }
        }

        public void Warn(string line) => Console.Error.WriteLine("warning: " + line);
    }
}
