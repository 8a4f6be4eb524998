using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Commands;

namespace SerprogNano.Cli
{
    /// <summary>The `serprog` command tree, and running it with exit codes 0 ok, 1 failed, 2 usage.</summary>
    public static class SerprogCommandLine
    {
        public static RootCommand Build(CliConsole console)
        {
            var common = new CommonOptions();
            return new RootCommand("serprog: probe, read, write and verify SPI NOR flash through serprog programmers")
            {
                ProbeCommand.Create(common, console),
                InfoCommand.Create(common, console),
                ReadCommand.Create(common, console),
                WriteCommand.Create(common, console),
                VerifyCommand.Create(common, console),
                EraseCommand.Create(common, console),
                WpCommand.Create(common, console),
                ChipsCommand.Create(console),
                BenchCommand.Create(common, console),
                EmulateCommand.Create(console),
                ServeCommand.Create(console),
            };
        }

        /// <param name="refusal">Why the command line cannot run as the user typed it (<see cref="RawArguments"/>), or null.</param>
        public static int Run(string[] args, CliConsole console, string? refusal = null)
        {
            ParseResult parse = Build(console).Parse(args);
            if (parse.Errors.Count > 0 || refusal != null)
            {
                var messages = new List<string>();
                string? habit = FlashprogHabit.Suggest(args);
                foreach (ParseError error in parse.Errors)
                {
                    messages.Add(error.Message);
                }

                if (refusal != null)
                {
                    messages = new List<string> { refusal };
                }
                else if (habit != null)
                {
                    // flashprog's "-p PROG -r FILE" gives a list of unrecognised tokens; say what to type instead.
                    messages = new List<string> { habit };
                }

                foreach (string message in messages)
                {
                    console.Error.WriteLine("error: " + message);
                }

                Command command = parse.CommandResult.Command;
                console.Error.WriteLine("See 'serprog" + (command is RootCommand ? "" : " " + command.Name) + " --help'.");
                if (Array.IndexOf(args, "--json") >= 0)
                {
                    // Scripts get their one JSON object even when the command line is wrong.
                    CommandRunner.WriteJson(console, new JsonObject { ["command"] = command.Name }, ExitCodes.Usage, string.Join(" ", messages));
                }

                return ExitCodes.Usage;
            }

            return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
        }
    }
}
