using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests
{
    /// <summary>
    /// The guide's dump command with our tool, through a real serial port: socat joins a pseudo-terminal
    /// to the emulator's TCP port, and `serprog read` opens it as flashprog's serprog:dev= would.
    /// </summary>
    [TestClass]
    public sealed class GuideSerialCommandTests
    {
        [TestMethod]
        public void Serprog_read_with_the_guides_dev_and_spispeed_dumps_the_chip_over_a_serial_port()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            string image = files.RandomImage("image.bin", 512 * 1024, seed: 51);
            emulator.Chip.Load(File.ReadAllBytes(image));
            string tty = files.PathOf("ttyEMU");
            string endpoint = emulator.Programmer["tcp:".Length..];
            using Process socat = Process.Start(new ProcessStartInfo("socat", "pty,raw,echo=0,link=" + tty + " tcp:" + endpoint) { UseShellExecute = false })
                ?? throw new InvalidOperationException("socat did not start (Debian package socat)");
            try
            {
                for (int i = 0; i < 100 && !File.Exists(tty); i++)
                {
                    Thread.Sleep(50);
                }

                string dump = files.PathOf("dump.bin");
                CliRun run = CliRun.Of("read", dump, "-p", "serprog:dev=" + tty + ":2000000,spispeed=16M", "--json");
                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Json().GetProperty("programmer").GetProperty("link").GetString(), "serial " + tty);
                CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(dump));
            }
            finally
            {
                socat.Kill();
                socat.WaitForExit();
            }
        }
    }
}
