using System;
using System.CommandLine;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SerprogNano.Programmers;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli
{
    /// <summary>
    /// Runs a command's body and turns its outcome into the exit code, the error message and, with
    /// --json, one JSON object on stdout whatever happened.
    /// </summary>
    public static class CommandRunner
    {
        private static readonly JsonSerializerOptions JsonFormat = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static void SetAction(Command command, CommonOptions common, CliConsole console, Func<CommandContext, int> body)
        {
            command.SetAction(parse => Run(command.Name, parse, common, console, body));
        }

        public static int Run(string name, ParseResult parse, CommonOptions common, CliConsole console, Func<CommandContext, int> body)
        {
            using Interruption interruption = Interruption.Listen(console);
            var context = new CommandContext(name, parse, common, console, interruption);
            int exitCode;
            string? error = null;
            try
            {
                exitCode = body(context);
            }
            catch (CommandInterruptedException e)
            {
                // The commands that change the chip add what state it is in; the rest had nothing to lose.
                error = RemedyWords.Message(e);
                exitCode = ExitCodes.Failed;
            }
            catch (Exception e) when (e is UsageException or ProgrammerStringException)
            {
                error = RemedyWords.Message(e);
                exitCode = ExitCodes.Usage;
            }
            catch (Exception e) when (IsExpectedFailure(e))
            {
                error = RemedyWords.Message(e);
                exitCode = ExitCodes.Failed;
                if (context.Verbose)
                {
                    console.Error.WriteLine(e.ToString());
                }
            }

            if (interruption.Requested && console.ErrorIsTerminal)
            {
                console.Error.Write(Interruption.ShowCursor);
            }

            if (error != null)
            {
                console.Error.WriteLine("error: " + error);
            }

            if (context.Json)
            {
                WriteJson(console, context.Result, exitCode, error);
            }

            return exitCode;
        }

        /// <summary>The one JSON object of a command: its results plus ok, exitCode and error.</summary>
        public static void WriteJson(CliConsole console, JsonObject result, int exitCode, string? error)
        {
            result["ok"] = exitCode == ExitCodes.Ok;
            result["exitCode"] = exitCode;
            if (error != null)
            {
                result["error"] = error;
            }

            console.Out.WriteLine(result.ToJsonString(JsonFormat));
        }

        /// <summary>Failures of the programmer, the chip, the link or the files: reported, not crashed on.</summary>
        private static bool IsExpectedFailure(Exception e)
        {
            return e is CommandFailedException or SerprogException or SpiNorException or IOException or TimeoutException
                or UnauthorizedAccessException or ArgumentException or InvalidOperationException;
        }
    }
}
