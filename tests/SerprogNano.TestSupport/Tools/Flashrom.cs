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

        public ToolResult Run(string arguments) => ExternalTool.Run(_path, $"-p {_programmer} {arguments}", _timeout);

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
