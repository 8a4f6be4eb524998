using System.IO;
using System.Net;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Tcp;

namespace SerprogNano.Interop.Tests
{
    /// <summary>flashrom probes, writes, reads back and verifies through the emulator's TCP server.</summary>
    [TestClass]
    public sealed class FlashromOverTcpTests
    {
        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Flashrom_writes_reads_and_verifies_an_8_mib_image()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            using var server = new SerprogTcpServer(new SerprogEmulator(chip), new IPEndPoint(IPAddress.Loopback, 0));
            var flashrom = new Flashrom($"serprog:ip={server.LocalEndPoint}");
            string directory = TestContext.TestRunResultsDirectory ?? Path.GetTempPath();
            string image = Flashrom.RandomImage(directory, 8 * 1024 * 1024, seed: 1);

            ToolResult probe = flashrom.Probe();
            StringAssert.Contains(probe.Output, Flashrom.W25Q64, "flashrom identifies the emulated chip");

            flashrom.Write(image, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), chip.Snapshot(), "chip contents after flashrom -w");

            string readBack = Path.Combine(directory, "tcp-read.bin");
            flashrom.Read(readBack, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(readBack), "flashrom -r");

            flashrom.Verify(image, Flashrom.W25Q64);
        }

        [TestMethod]
        public void Flashrom_notices_a_differing_chip()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            using var server = new SerprogTcpServer(new SerprogEmulator(chip), new IPEndPoint(IPAddress.Loopback, 0));
            var flashrom = new Flashrom($"serprog:ip={server.LocalEndPoint}");
            string image = Flashrom.RandomImage(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), 8 * 1024 * 1024, seed: 2);

            // The erased chip differs from a random image: a verify that passed here would prove nothing.
            Assert.ThrowsExactly<AssertFailedException>(() => flashrom.Verify(image, Flashrom.W25Q64));
        }
    }
}
