using System;
using System.IO;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests
{
    /// <summary>flashrom probes, writes, reads back and verifies through the emulator's TCP server.</summary>
    [TestClass]
    public sealed class FlashromOverTcpTests
    {
        public TestContext TestContext { get; set; } = null!;

        private string Directory => TestContext.TestRunResultsDirectory ?? Path.GetTempPath();

        [TestMethod]
        public void Flashrom_writes_reads_and_verifies_an_8_mib_image()
        {
            using var served = new ServedChip();
            var flashrom = new Flashrom($"serprog:ip={served.Endpoint}");
            string image = Flashrom.RandomImage(Directory, 8 * 1024 * 1024, seed: 1);

            ToolResult probe = flashrom.Probe();
            StringAssert.Contains(probe.Output, Flashrom.W25Q64, "flashrom identifies the emulated chip");

            flashrom.Write(image, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), served.Chip.Snapshot(), "chip contents after flashrom -w");

            string readBack = Path.Combine(Directory, "tcp-read.bin");
            flashrom.Read(readBack, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(readBack), "flashrom -r");

            flashrom.Verify(image, Flashrom.W25Q64);
        }

        [TestMethod]
        public void Flashrom_notices_a_differing_chip()
        {
            using var served = new ServedChip();
            var flashrom = new Flashrom($"serprog:ip={served.Endpoint}");
            string image = Flashrom.RandomImage(Directory, 8 * 1024 * 1024, seed: 2);

            // The erased chip differs from a random image: a verify that passed here would prove nothing.
            Assert.ThrowsExactly<AssertFailedException>(() => flashrom.Verify(image, Flashrom.W25Q64));
        }

        [TestMethod]
        public void Flashrom_writes_and_reads_back_an_8_mib_image_over_a_pty()
        {
            using var served = new ServedChip();
            string image = Flashrom.RandomImage(Directory, 8 * 1024 * 1024, seed: 3);
            // Over a pty every command costs flashrom a slow round trip: the chip already holds all but the
            // first 64 KiB, so -w erases and programs that block (256 pages) and reads the whole chip twice.
            byte[] start = File.ReadAllBytes(image);
            Array.Fill(start, (byte)0xFF, 0, 64 * 1024);
            served.Chip.Load(start);
            using var pty = new PtyBridge(served.Endpoint, Path.Combine(Path.GetTempPath(), $"serprog-pty-{System.Environment.ProcessId}"));
            var flashrom = new Flashrom($"serprog:dev={pty.PtyPath}:2000000", TimeSpan.FromMinutes(20));

            flashrom.Write(image, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), served.Chip.Snapshot(), "chip contents after flashrom -w over the pty");

            string readBack = Path.Combine(Directory, "pty-read.bin");
            flashrom.Read(readBack, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(readBack), "flashrom -r over the pty");
        }
    }
}
