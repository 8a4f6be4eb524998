using System.IO;
using SerprogNano.Cli;

namespace SerprogNano.Interop.Tests
{
    /// <summary>One `serprog` invocation in-process, with its exit code and output.</summary>
    internal sealed record SerprogCli(int ExitCode, string Output, string Error)
    {
        public static SerprogCli Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exitCode = SerprogCommandLine.Run(args, new CliConsole(output, error, errorIsTerminal: false));
            return new SerprogCli(exitCode, output.ToString(), error.ToString());
        }

        public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Output + "\nstderr:\n" + Error;
    }
}
