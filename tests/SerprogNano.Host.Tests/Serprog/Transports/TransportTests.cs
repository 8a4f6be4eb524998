using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Tcp;
using SerprogNano.Chips;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Serprog.Transports
{
    [TestClass]
    public sealed class TransportTests
    {
        [TestMethod]
        public void Tcp_carries_a_write_and_a_read_of_a_chip()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.GD25Q64C);
            using var server = new SerprogTcpServer(new SerprogEmulator(chip).Serve, new IPEndPoint(IPAddress.Loopback, 0));

            WriteAndReadBack(new TcpTransport("127.0.0.1", server.LocalEndPoint.Port), chip, 1024 * 1024);
        }

        [TestMethod]
        public void Tcp_to_a_closed_port_fails_with_its_address()
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            var e = Assert.ThrowsExactly<TransportClosedException>(() => new TcpTransport("127.0.0.1", port));

            StringAssert.Contains(e.Message, "127.0.0.1:" + port);
        }

        [TestMethod]
        public void Serial_port_through_a_pty_carries_a_write_and_a_read()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.GD25Q64C);
            using var server = new SerprogTcpServer(new SerprogEmulator(chip).Serve, new IPEndPoint(IPAddress.Loopback, 0));
            string pty = Path.Combine(Path.GetTempPath(), "serprog-host-test-" + Environment.ProcessId);
            using Process socat = Process.Start(new ProcessStartInfo("socat", "pty,raw,echo=0,link=" + pty + " tcp:127.0.0.1:" + server.LocalEndPoint.Port) { UseShellExecute = false })!;
            try
            {
                for (int i = 0; i < 100 && !File.Exists(pty); i++)
                {
                    Thread.Sleep(20);
                }

                WriteAndReadBack(new SerialPortTransport(pty, 2_000_000), chip, 128 * 1024);
            }
            finally
            {
                socat.Kill();
                socat.WaitForExit();
            }
        }

        [TestMethod]
        public void A_missing_serial_device_is_named_in_the_error()
        {
            var e = Assert.ThrowsExactly<TransportClosedException>(() => new SerialPortTransport("/dev/no-such-serprog", 115200));

            StringAssert.Contains(e.Message, "/dev/no-such-serprog");
        }

        private static void WriteAndReadBack(IByteTransport transport, EmulatedSpiNor chip, int size)
        {
            using SerprogClient client = SerprogClient.Connect(transport, new SerprogClientOptions { SpiFrequency = 16_000_000 });
            var flash = new SpiNorFlash(new SerprogSpiMaster(client), ChipDatabase.Default.FindByName("GD25Q64C")!, SerprogDeviceSide.Of(client));
            byte[] image = FlashRig.RandomImage(size, 30);

            WriteResult result = FlashWriter.Write(flash, 0, image);
            var read = new byte[size];
            flash.Read(0, read);

            Assert.AreEqual(16_000_000u, client.SpiFrequency);
            Assert.AreEqual(size, result.BytesVerified);
            BytesAssert.Equal(image, read);
            BytesAssert.Equal(image, chip.Snapshot().AsSpan(0, size));
        }
    }
}
