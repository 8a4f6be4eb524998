using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>
    /// A checkout's firmware on the virtual ESP32 (../shared/tools/nanoclr/run-firmware): nanoFramework's real
    /// interpreter, UART1 a pty, a simulated W25Q64 on the SPI pins. Stopped with SIGINT, as Ctrl-C would, so
    /// --save writes the chip.
    /// </summary>
    internal sealed partial class VirtualEsp32 : IDisposable
    {
        public const int Baud = 2_000_000;

        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _errors = new();

        private VirtualEsp32(string checkout, string pty, IEnumerable<string> options)
        {
            string runFirmware = SharedTools.RequireRunFirmware();
            Port = pty;
            File.Delete(pty);
            var info = new ProcessStartInfo(runFirmware)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(checkout);
            info.ArgumentList.Add("--uart1");
            info.ArgumentList.Add(pty);
            foreach (string option in options)
            {
                info.ArgumentList.Add(option);
            }

            _process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + runFirmware);
            _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            // run-firmware compiles and converts the firmware first (seconds, more on a loaded machine).
            var waited = Stopwatch.StartNew();
            while (!File.Exists(pty))
            {
                if (_process.HasExited || waited.Elapsed > TimeSpan.FromMinutes(3))
                {
                    Dispose();
                    Assert.Fail($"the virtual ESP32 did not open {pty} (exit {(_process.HasExited ? _process.ExitCode : -1)}):\n{Errors}");
                }

                Thread.Sleep(100);
            }
        }

        /// <summary>The pty the firmware's UART1 (serprog) is on.</summary>
        public string Port { get; }

        /// <summary>flashrom's programmer string for it.</summary>
        public string FlashromProgrammer => $"serprog:dev={Port}:{Baud}";

        /// <summary>Our CLI's programmer string for it.</summary>
        public string CliProgrammer => $"{Port}:{Baud}";

        public string Output => Snapshot(_output);

        public string Errors => Snapshot(_errors);

        public int ExitCode => _process.ExitCode;

        /// <summary>Runs the checkout's firmware (its protocol/ and firmware/ device projects) with run-firmware's options.</summary>
        public static VirtualEsp32 Start(string checkout, string directory, params string[] options) =>
            new(checkout, Path.Combine(directory, "ttyESP32-" + Guid.NewGuid().ToString("N")[..8]), options);

        /// <summary>The nanoCLR process's CPU seconds so far (utime + stime from /proc; run-firmware execs it).</summary>
        public double CpuSeconds()
        {
            string[] fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // After "pid (comm)": state is field 0, utime field 11, stime field 12, in clock ticks (100 per second on Linux).
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        /// <summary>SIGINT, then the exit status (130) once the interpreter has saved the chip and printed its statistics.</summary>
        public int Stop()
        {
            if (!_process.HasExited)
            {
                using Process kill = Process.Start("kill", $"-INT {_process.Id}")!;
                kill.WaitForExit();
                Assert.IsTrue(_process.WaitForExit(TimeSpan.FromSeconds(60)), "the virtual ESP32 did not stop on SIGINT");
            }

            _process.WaitForExit(); // drains the redirected output
            return _process.ExitCode;
        }

        /// <summary>Stops it and checks that the firmware never died of an exception and saw no byte dropped.</summary>
        public void StopAndAssertHealthy()
        {
            int exit = Stop();
            Assert.AreEqual(130, exit, "run-firmware's exit status after SIGINT (1 means an unhandled managed exception)\n" + Errors);
            Assert.IsFalse(Errors.Contains("UNHANDLED EXCEPTION", StringComparison.Ordinal), Errors);
            Assert.AreEqual(0, DroppedBytes(), "bytes the UART dropped\n" + Errors);
        }

        /// <summary>Received bytes the paced UART lost (0 when not paced: the pty applies back-pressure).</summary>
        public long DroppedBytes()
        {
            Match dropped = DroppedLine().Match(Errors);
            return dropped.Success ? long.Parse(dropped.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }

        /// <summary>Commands the simulated chip ignored because it was still busy (someone did not poll WIP).</summary>
        public long CommandsIgnoredWhileBusy()
        {
            Match ignored = IgnoredLine().Match(Errors);
            return ignored.Success ? long.Parse(ignored.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }

        /// <summary>IL instructions the interpreter executed, from the exit statistics (after <see cref="Stop"/>).</summary>
        public long IlInstructions()
        {
            Match executed = IlLine().Match(Errors);
            Assert.IsTrue(executed.Success, "no IL count in the exit statistics\n" + Errors);
            return long.Parse(executed.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static void Append(StringBuilder text, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (text)
            {
                text.AppendLine(line);
            }
        }

        private static string Snapshot(StringBuilder text)
        {
            lock (text)
            {
                return text.ToString();
            }
        }

        [GeneratedRegex(@"(\d+) received bytes dropped")]
        private static partial Regex DroppedLine();

        [GeneratedRegex(@"(\d+) commands ignored while busy")]
        private static partial Regex IgnoredLine();

        [GeneratedRegex(@"IL instructions executed: (\d+)")]
        private static partial Regex IlLine();
    }
}
