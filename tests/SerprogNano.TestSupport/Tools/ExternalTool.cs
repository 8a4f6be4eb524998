using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// Runs a program from PATH with a time-out (flashrom has none after sync: a silent device hangs it).
    /// A missing program fails the test in CI and is reported as not run, with the reason, elsewhere.
    /// </summary>
    public static class ExternalTool
    {
        public static string Require(string name, string installHint)
        {
            string? path = Find(name);
            if (path is not null)
            {
                return path;
            }

            NotRun($"{name} is not installed ({installHint}).", "CI must run this test: .ci/run installs it.");
            return name;
        }

        /// <summary>Ends a test that lacks a tool: fails it in CI (CI=true), reports it not run, with the reason, elsewhere.</summary>
        public static void NotRun(string reason, string inCi)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason + " " + inCi);
            }

            Assert.Inconclusive(reason + " Not run on this machine.");
        }

        public static ToolResult Run(string path, string arguments, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(path, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + path);
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"{Path.GetFileName(path)} {arguments} did not finish within {timeout.TotalSeconds} s:\n{output}");
            }

            process.WaitForExit();
            return new ToolResult(process.ExitCode, output.ToString());
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static string? Find(string name)
        {
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            foreach (string directory in new[] { "/usr/sbin", "/sbin" })
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
