using System.IO;
using System.Text.Json;

namespace SerprogNano.Cli.Tests
{
    /// <summary>One `serprog` invocation in-process, with its exit code and both output streams captured.</summary>
    public sealed class CliRun
    {
        private CliRun(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }

        public string Output { get; }

        public string Error { get; }

        public static CliRun Of(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exitCode = SerprogCommandLine.Run(args, new CliConsole(output, error, errorIsTerminal: false));
            return new CliRun(exitCode, output.ToString(), error.ToString());
        }

        /// <summary>The one JSON object --json prints on stdout.</summary>
        public JsonElement Json()
        {
            using var document = JsonDocument.Parse(Output);
            return document.RootElement.Clone();
        }

        public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Output + "\nstderr:\n" + Error;
    }
}
