using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests
{
    /// <summary>`serprog emulate` as a user runs it: a process flashrom talks to, stopped with SIGTERM, saving the chip.</summary>
    [TestClass]
    public sealed partial class EmulateCommandTests
    {
        public TestContext TestContext { get; set; } = null!;

        [GeneratedRegex(@"listening on (\S+:\d+)")]
        private static partial Regex ListeningLine();

        /// <summary>With --no-extensions it is a plain serprog v1 programmer, as other firmwares are: our own host then reads to verify.</summary>
        [TestMethod]
        [DataRow("", "Path: SerprogNano extensions", DisplayName = "SerprogNano extensions offered")]
        [DataRow("--no-extensions", "Path: plain SPI transactions", DisplayName = "--no-extensions: serprog v1 only")]
        public void Emulate_serves_flashrom_and_saves_the_chip_on_exit(string options, string ourPath)
        {
            string directory = TestContext.TestRunResultsDirectory ?? Path.GetTempPath();
            string start = Flashrom.RandomImage(directory, 4 * 1024 * 1024, seed: 4);
            string image = Flashrom.RandomImage(directory, 4 * 1024 * 1024, seed: 5);
            string saved = Path.Combine(directory, "emulate-saved" + options + ".bin");
            File.Delete(saved);
            string serprog = Path.Combine(AppContext.BaseDirectory, "serprog.dll");
            var info = new ProcessStartInfo("dotnet", $"\"{serprog}\" emulate --listen 127.0.0.1:0 --chip W25Q32FV --image \"{start}\" --save \"{saved}\" {options}")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var emulator = Process.Start(info)!;
            try
            {
                string endpoint = WaitForEndpoint(emulator);
                var flashrom = new Flashrom($"serprog:ip={endpoint}");
                flashrom.Verify(start, "W25Q32.V");
                flashrom.Write(image, "W25Q32.V");
                ToolResult verify = ExternalTool.Run("dotnet", $"\"{serprog}\" verify \"{image}\" -p tcp:{endpoint} --verbose", TimeSpan.FromSeconds(120));
                Assert.AreEqual(0, verify.ExitCode, verify.Output);
                StringAssert.Contains(verify.Output, ourPath);
            }
            finally
            {
                Process.Start("kill", $"-TERM {emulator.Id}")!.WaitForExit();
                Assert.IsTrue(emulator.WaitForExit(TimeSpan.FromSeconds(20)), "emulate did not stop on SIGTERM");
            }

            Assert.AreEqual(0, emulator.ExitCode);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(saved), "--save wrote the chip's final contents");
        }

        [TestMethod]
        public void Emulate_refuses_an_image_of_the_wrong_size()
        {
            string directory = TestContext.TestRunResultsDirectory ?? Path.GetTempPath();
            string image = Flashrom.RandomImage(directory, 1000, seed: 6);
            string serprog = Path.Combine(AppContext.BaseDirectory, "serprog.dll");
            ToolResult result = ExternalTool.Run("dotnet", $"\"{serprog}\" emulate --listen 127.0.0.1:0 --image \"{image}\"", TimeSpan.FromSeconds(60));
            Assert.AreEqual(1, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, "has 1000 bytes");
        }

        private static string WaitForEndpoint(Process emulator)
        {
            string? line;
            while ((line = emulator.StandardOutput.ReadLine()) is not null)
            {
                Match match = ListeningLine().Match(line);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }

            Assert.Fail("serprog emulate exited before listening");
            return string.Empty;
        }
    }
}
