using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace SerprogNano.Cli.Tests
{
    /// <summary>`serprog` as its own process (for signals), its output collected line by line while it runs.</summary>
    public sealed class CliProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();
        private readonly object _gate = new();

        private CliProcess(ProcessStartInfo start)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.RedirectStandardInput = true;
            start.UseShellExecute = false;
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (_gate)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_gate)
                {
                    return _error.ToString();
                }
            }
        }

        public int Id => _process.Id;

        /// <summary>The built serprog.dll run by the dotnet host that runs the tests.</summary>
        public static CliProcess Start(params string[] args) => StartIn(null, args);

        /// <summary>As <see cref="Start"/>, in <paramref name="directory"/> (where default backups go) when given.</summary>
        public static CliProcess StartIn(string? directory, params string[] args)
        {
            var start = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = directory ?? "" };
            start.ArgumentList.Add(SerprogDll());
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return new CliProcess(start);
        }

        /// <summary>
        /// serprog as the unprivileged user nobody through util-linux `setpriv`, so that file permissions apply
        /// when the tests run as root (as CI does); null when `setpriv` is not installed.
        /// </summary>
        public static CliProcess? StartAsNobody(params string[] args)
        {
            string? setpriv = Find("setpriv");
            if (setpriv == null)
            {
                return null;
            }

            var start = new ProcessStartInfo(setpriv);
            foreach (string arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", DotnetHost(), SerprogDll() })
            {
                start.ArgumentList.Add(arg);
            }

            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return new CliProcess(start);
        }

        /// <summary>
        /// serprog on a pseudo-terminal through util-linux `script`, as a user at a terminal runs it (live
        /// progress bar, Ctrl+C from the keyboard); null when `script` is not installed.
        /// </summary>
        public static CliProcess? StartOnTerminal(params string[] args)
        {
            string? script = Find("script");
            if (script == null)
            {
                return null;
            }

            var command = new StringBuilder("exec " + Quote(DotnetHost()) + " " + Quote(SerprogDll()));
            foreach (string arg in args)
            {
                command.Append(' ').Append(Quote(arg));
            }

            var start = new ProcessStartInfo(script);
            foreach (string arg in new[] { "-qfec", command.ToString(), "/dev/null" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["TERM"] = "xterm-256color";
            start.Environment["COLUMNS"] = "120";
            start.Environment["LINES"] = "40";
            return new CliProcess(start);
        }

        /// <summary>
        /// serprog with arguments written as shell words (/bin/sh), so a test can pass bytes that are not
        /// UTF-8, which .NET's own process start cannot: e.g. "$(printf 'dump\377.bin')".
        /// </summary>
        public static CliProcess StartWithShellWords(string words)
        {
            var start = new ProcessStartInfo("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec " + Quote(DotnetHost()) + " " + Quote(SerprogDll()) + " " + words);
            return new CliProcess(start);
        }

        /// <summary>Waits (a generous while, on a busy machine) until the output holds <paramref name="text"/>.</summary>
        public bool WaitFor(string text, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (Output.Contains(text, StringComparison.Ordinal) || Error.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }

                if (_process.HasExited)
                {
                    return false;
                }

                Thread.Sleep(20);
            }

            return false;
        }

        /// <summary>Waits (a generous while) until a line of stderr matches <paramref name="line"/>, as a progress line does mid-phase.</summary>
        public bool WaitForLine(Regex line, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (line.IsMatch(Error))
                {
                    return true;
                }

                if (_process.HasExited)
                {
                    return false;
                }

                Thread.Sleep(20);
            }

            return false;
        }

        /// <summary>Sends a signal with kill(1): SIGINT as Ctrl+C sends it, or SIGTERM as a service manager does.</summary>
        public void Signal(string name)
        {
            using Process kill = Process.Start("kill", ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            kill.WaitForExit();
        }

        /// <summary>Types into the terminal (Ctrl+C is "\u0003").</summary>
        public void Type(string keys)
        {
            _process.StandardInput.Write(keys);
            _process.StandardInput.Flush();
        }

        /// <summary>The exit code, or null if it had not exited within the limit (then it is killed).</summary>
        public int? WaitForExit(TimeSpan limit)
        {
            if (!_process.WaitForExit(limit))
            {
                _process.Kill(entireProcessTree: true);
                return null;
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        public override string ToString() => "stdout:\n" + Output + "\nstderr:\n" + Error;

        private void Append(StringBuilder target, string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (_gate)
            {
                target.Append(line).Append('\n');
            }
        }

        private static string SerprogDll() => typeof(SerprogCommandLine).Assembly.Location;

        private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : Find("dotnet") ?? "dotnet";

        private static string? Find(string program)
        {
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(directory, program);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
