using System.IO;
using System.Net;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Tcp;

namespace SerprogNano.Interop.Tests
{
    /// <summary>flashrom's serial path (`-p serprog:dev=`) through a pty bridged to the emulator.</summary>
    [TestClass]
    public sealed class FlashromOverPtyTests
    {
        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Flashrom_writes_and_reads_back_an_8_mib_image_over_a_pty()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            using var server = new SerprogTcpServer(new SerprogEmulator(chip), new IPEndPoint(IPAddress.Loopback, 0));
            string directory = TestContext.TestRunResultsDirectory ?? Path.GetTempPath();
            using var pty = new PtyBridge(server.LocalEndPoint.ToString(), Path.Combine(Path.GetTempPath(), $"serprog-pty-{System.Environment.ProcessId}"));
            var flashrom = new Flashrom($"serprog:dev={pty.PtyPath}:2000000");
            string image = Flashrom.RandomImage(directory, 8 * 1024 * 1024, seed: 3);

            flashrom.Write(image, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), chip.Snapshot(), "chip contents after flashrom -w over the pty");

            string readBack = Path.Combine(directory, "pty-read.bin");
            flashrom.Read(readBack, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(readBack), "flashrom -r over the pty");
        }
    }
}
