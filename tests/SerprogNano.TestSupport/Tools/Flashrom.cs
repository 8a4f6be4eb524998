using System;
using System.IO;

namespace SerprogNano.TestSupport
{
    /// <summary>Debian's real flashrom, driven as a user would drive it.</summary>
    public sealed class Flashrom
    {
        /// <summary>flashrom's name for the emulator's default part (one JEDEC ID, several definitions).</summary>
        public const string W25Q64 = "W25Q64BV/W25Q64CV/W25Q64FV";

        private readonly string _path;
        private readonly string _programmer;
        private readonly TimeSpan _timeout;

        /// <param name="timeout">Per flashrom run; it waits a round trip per command (~100,000 for an 8 MiB write),
        /// so a slow link (a pty, a loaded machine) needs more than the 5 minutes loopback TCP gets.</param>
        public Flashrom(string programmer, TimeSpan? timeout = null)
        {
            _path = ExternalTool.Require("flashrom", "apt-get install flashrom");
            _programmer = programmer;
            _timeout = timeout ?? TimeSpan.FromMinutes(5);
        }

        public ToolResult Probe() => Run(string.Empty);

        /// <summary>flashrom -L: every chip, programmer and board it knows.</summary>
        public static string List()
        {
            ToolResult result = ExternalTool.Run(ExternalTool.Require("flashrom", "apt-get install flashrom"), "-L", TimeSpan.FromMinutes(1));
            Assert.AreEqual(0, result.ExitCode, result.Output);
            return result.Output;
        }

        public void Write(string image, string chip) => Expect(Run($"-c \"{chip}\" -w \"{image}\""), "VERIFIED.");

        public void Verify(string image, string chip) => Expect(Run($"-c \"{chip}\" -v \"{image}\""), "VERIFIED.");

        public void Read(string output, string chip) => Expect(Run($"-c \"{chip}\" -r \"{output}\""), "Reading flash... done.");

        /// <summary>Starts the output of a run made again after flashrom's programmer set-up failed, before the first run's output.</summary>
        public const string RunAgainAfterSetUpFailed = "[flashrom run again: its programmer set-up failed]";

        /// <summary>What flashrom prints when its programmer's set-up (for serprog: the handshake and queries) failed.</summary>
        private const string ProgrammerSetUpFailed = "Programmer initialization failed";

        /// <summary>
        /// Runs flashrom, and once more if its programmer set-up failed: Debian's flashrom sends another SYNCNOP when the
        /// first is answered about 0.1 s late (a stand-in server: 90 ms synchronised, 100 ms did not), and the late
        /// answer's NAK then meets Q_IFACE ("NAK to query interface version"), so a stall of a loaded test machine is
        /// enough. Nothing has reached the chip then. The second run's result is returned, its output after
        /// <see cref="RunAgainAfterSetUpFailed"/> and the first run's.
        /// </summary>
        public ToolResult Run(string arguments)
        {
            ToolResult first = RunOnce(arguments);
            if (first.ExitCode == 0 || !first.Output.Contains(ProgrammerSetUpFailed, StringComparison.Ordinal))
            {
                return first;
            }

            ToolResult again = RunOnce(arguments);
            return again with { Output = RunAgainAfterSetUpFailed + "\n" + first.Output + again.Output };
        }

        private ToolResult RunOnce(string arguments) => ExternalTool.Run(_path, $"-p {_programmer} {arguments}", _timeout);

        private static void Expect(ToolResult result, string text)
        {
            Assert.AreEqual(0, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, text);
        }

        public static string RandomImage(string directory, int size, int seed)
        {
            var data = new byte[size];
            new Random(seed).NextBytes(data);
            string path = Path.Combine(directory, $"random-{seed}.bin");
            File.WriteAllBytes(path, data);
            return path;
        }
    }
}
