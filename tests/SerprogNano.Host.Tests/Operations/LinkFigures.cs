using System;
using System.Diagnostics;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Programmers.Emulator;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>
    /// Prints read and write throughput of a W25Q64 (busy times on) behind the emulator's model of a
    /// 2 Mbaud USB-serial link with 1 ms latency each way, as fractions of the link's 200,000 bytes/s. It asserts only that the data
    /// arrived; the figures are for the closing note. SERPROG_FIGURES_BYTES sets the image size
    /// (8388608 for the full chip, about three minutes); the suite uses 256 KiB.
    /// </summary>
    [TestClass]
    public sealed class LinkFigures
    {
        private const int LinkBytesPerSecond = 200_000;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Throughput_of_a_W25Q64_over_2_Mbaud_with_1_ms_latency()
        {
            int size = int.TryParse(Environment.GetEnvironmentVariable("SERPROG_FIGURES_BYTES"), out int bytes) ? bytes : 256 * 1024;
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV, new EmulatedSpiNorOptions { BusyTimes = true });
            // A loaded test machine can stall the engine's thread; a long frame time-out keeps the device in step.
            var link = new EmulatorTransport(new SerprogEmulator(chip), "emulator", TimeSpan.FromSeconds(10), new LinkModel(LinkBytesPerSecond * LinkModel.BitsPerByte, 1000));
            using SerprogClient client = SerprogClient.Connect(link);
            var flash = new SpiNorFlash(new SerprogSpiMaster(client), ChipDatabase.Default.FindByName("W25Q64FV")!, SerprogDeviceSide.Of(client));
            byte[] image = FlashRig.RandomImage(size, 42);

            var clock = Stopwatch.StartNew();
            for (int i = 0; i < 20; i++)
            {
                client.QueryInterface();
            }

            Print("round trip (Q_IFACE)", clock.Elapsed.TotalMilliseconds / 20, "ms");

            long roundTrips = client.RoundTrips;
            clock.Restart();
            flash.Program(0, image);
            double programSeconds = clock.Elapsed.TotalSeconds;
            long programRoundTrips = client.RoundTrips - roundTrips;
            BytesAssert.Equal(image, chip.Snapshot().AsSpan(0, size));
            double pageTime = SpiNorModels.W25Q64FV.PageProgramTime.TotalSeconds;
            double bound = 256.0 / (8 + 4 + 263 + (pageTime * LinkBytesPerSecond));
            Print("program " + size + " bytes", programSeconds, "s");
            Print("program throughput", size / programSeconds / LinkBytesPerSecond * 100, "% of link (bound for " + (pageTime * 1000) + " ms pages: " + (bound * 100).ToString("F0") + "%)");
            Print("program round trips", programRoundTrips, "(" + (programRoundTrips * (8388608.0 / size)).ToString("F0") + " per 8 MiB)");
            Print("pages re-sent", flash.ProgramsRetried, "pages");

            var read = new byte[size];
            clock.Restart();
            flash.Read(0, read);
            double readSeconds = clock.Elapsed.TotalSeconds;
            BytesAssert.Equal(image, read);
            Print("read throughput", size / readSeconds / LinkBytesPerSecond * 100, "% of link");

            chip.Load(PadToChip(image));
            roundTrips = client.RoundTrips;
            clock.Restart();
            WriteResult unchanged = FlashWriter.Write(flash, 0, image);
            Print("unchanged-image write", clock.Elapsed.TotalSeconds, "s, " + (client.RoundTrips - roundTrips) + " round trips");
            Assert.IsTrue(unchanged.Unchanged);
        }

        private static byte[] PadToChip(byte[] image)
        {
            var full = new byte[SpiNorModels.W25Q64FV.Size];
            full.AsSpan().Fill(0xFF);
            image.CopyTo(full, 0);
            return full;
        }

        private void Print(string what, double value, string unit)
        {
            TestContext.WriteLine(what + ": " + value.ToString("F3") + " " + unit);
        }
    }
}
