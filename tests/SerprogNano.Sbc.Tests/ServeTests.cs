using System.Collections.Concurrent;
using System.Device.Gpio;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;
using SerprogNano.Programmers;
using SerprogNano.Sbc.Tests.Doubles;
using SerprogNano.Spidev;

using SerprogNano.TestSupport;
namespace SerprogNano.Sbc.Tests
{
    /// <summary>`serprog serve`: the firmware's engine on the spidev double, driven over TCP by our host and by Debian's flashrom.</summary>
    [TestClass]
    public sealed class ServeTests
    {
        private readonly ConcurrentQueue<string> _log = new();

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void With_spidevs_chip_select_every_operation_fits_one_transfer_and_our_host_writes_reads_and_verifies()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using SpidevServer server = SpidevServer.Start(board.System(devices), "/dev/spidev0.0", null, new IPEndPoint(IPAddress.Loopback, 0), null, _log.Enqueue);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse("tcp:" + server.LocalEndPoint + ",spispeed=16M"));
            SerprogClient client = connection.Client!;

            Assert.IsLessThanOrEqualTo(4096, client.MaxWriteLength + client.MaxReadLength, "slen + rlen of any O_SPIOP fits one spidev transfer");
            Assert.IsGreaterThanOrEqualTo(261, client.MaxWriteLength, "a page program with a 4-byte address fits");
            Assert.AreEqual(16_000_000u, client.SpiFrequency);
            Assert.AreEqual(16_000_000, devices.Opened[^1].ClockFrequency, "S_SPI_FREQ reopened spidev at the new clock");

            ProbeResult probe = ChipProber.Probe(connection.Master, ChipDatabase.Default, "W25Q32FV");
            var flash = connection.Flash(probe.Chip);
            Assert.AreEqual(0xEF, probe.Identity.Manufacturer);
            byte[] image = TestData.RandomBytes(0x49000, seed: 11);
            FlashWriter.Write(flash, 0x20_0000, image);
            var read = new byte[image.Length];
            flash.Read(0x20_0000, read);

            CollectionAssert.AreEqual(image, read);
            FlashVerifier.Verify(flash, 0x20_0000, image);
            Assert.AreEqual(0, devices.Counters.OverLimit);
            Assert.IsLessThanOrEqualTo(4096, devices.Counters.Largest);
        }

        [TestMethod]
        public void A_second_client_hears_that_the_board_is_busy_and_the_log_says_whom_it_refused()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using SpidevServer server = SpidevServer.Start(board.System(new EmulatedSpidevFactory(chip)), "/dev/spidev0.0", null, new IPEndPoint(IPAddress.Loopback, 0), null, _log.Enqueue);
            using ProgrammerSession first = ProgrammerSession.Open(ProgrammerSpec.Parse("tcp:" + server.LocalEndPoint));

            var refused = Assert.ThrowsExactly<SerprogException>(() => ProgrammerSession.Open(ProgrammerSpec.Parse("tcp:" + server.LocalEndPoint)));

            StringAssert.Contains(refused.Message, "is busy with another client (127.0.0.1:");
            StringAssert.Contains(refused.Message, "take one client at a time");
            Assert.IsTrue(_log.ToArray().Any(line => line.Contains("refused: busy with 127.0.0.1:", System.StringComparison.Ordinal)), string.Join("\n", _log));
            Assert.IsNotNull(first.Client!.ProgrammerName, "the first client is still served");
            first.Client.Nop();
        }

        [TestMethod]
        public void With_a_gpio_chip_select_reads_stream_past_bufsiz_in_transfers_within_it()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip, kernelChipSelect: false);
            var line = new EmulatedChipSelectLine(chip);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using SpidevServer server = SpidevServer.Start(board.System(devices), "/dev/spidev0.0", line, new IPEndPoint(IPAddress.Loopback, 0), null, _log.Enqueue);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse("tcp:" + server.LocalEndPoint));

            Assert.IsGreaterThan(4096, connection.Client!.MaxReadLength);
            var flash = connection.Flash(connection.Probe("W25Q32FV").Chip);
            byte[] image = TestData.RandomBytes(0x31000, seed: 12);
            FlashWriter.Write(flash, 0, image);
            var read = new byte[image.Length];
            flash.Read(0, read);

            CollectionAssert.AreEqual(image, read);
            Assert.IsTrue(line.Driven);
            Assert.IsGreaterThan(0, line.Selections);
            Assert.AreEqual(0, devices.Counters.OverLimit);
            Assert.IsLessThanOrEqualTo(4096, devices.Counters.Largest);
        }

        [TestMethod]
        public void A_chip_select_on_a_gpio_controller_pin_starts_high_and_is_released_when_the_client_leaves()
        {
            const int pin = 25;
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip, kernelChipSelect: false);
            var gpio = new EmulatedGpioDriver(chip, pin);
            using var controller = new GpioController(gpio);
            using var line = new GpioChipSelectLine(controller, pin);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using SpidevServer server = SpidevServer.Start(board.System(devices), "/dev/spidev0.0", line, new IPEndPoint(IPAddress.Loopback, 0), null, _log.Enqueue);

            using (ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse("tcp:" + server.LocalEndPoint)))
            {
                ProbeResult probe = ChipProber.Probe(connection.Master, ChipDatabase.Default, "W25Q32FV");
                Assert.AreEqual(0x4016, probe.Identity.Device);
                Assert.AreEqual(PinMode.Input, gpio.ChipSelectModes[0], "released until a client takes the pins");
                Assert.AreEqual(PinMode.Output, gpio.ChipSelectModes[^1], "driven once the client takes the pins");
                Assert.AreEqual(PinValue.High, gpio.ChipSelectLevel, "deselected between operations");
                Assert.IsGreaterThan(0, gpio.Selections);
            }

            SpinWait.SpinUntil(() => gpio.ChipSelectModes[^1] == PinMode.Input, 5000);
            Assert.AreEqual(PinMode.Input, gpio.ChipSelectModes[^1], "released when the client leaves:\n" + string.Join("\n", _log));
        }

        [TestMethod]
        public void Flashrom_probes_writes_reads_and_verifies_through_serve()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            var devices = new EmulatedSpidevFactory(chip);
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using SpidevServer server = SpidevServer.Start(board.System(devices), "/dev/spidev0.0", null, new IPEndPoint(IPAddress.Loopback, 0), null, _log.Enqueue);
            var flashrom = new Flashrom("serprog:ip=" + server.LocalEndPoint + ",spispeed=16M");
            string directory = TestContext.TestRunResultsDirectory ?? Path.GetTempPath();
            string image = Flashrom.RandomImage(directory, (int)chip.Model.Size, seed: 21);

            StringAssert.Contains(flashrom.Probe().Output, Flashrom.W25Q64, "flashrom identifies the chip behind serve");
            flashrom.Write(image, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), chip.Snapshot(), "chip after flashrom -w");
            string readBack = Path.Combine(directory, "serve-read.bin");
            flashrom.Read(readBack, Flashrom.W25Q64);
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(readBack), "flashrom -r");
            flashrom.Verify(image, Flashrom.W25Q64);

            Assert.AreEqual(0, devices.Counters.OverLimit, string.Join("\n", _log));
            Assert.IsLessThanOrEqualTo(4096, devices.Counters.Largest);
        }

        [TestMethod]
        public void A_beaglebone_caps_the_clock_at_512_khz_unless_told()
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV), nodes: "/dev/spidev1.0");
            using var board = new BoardFiles(BoardFiles.BeagleBoneBlack);
            using SpidevServer server = SpidevServer.Start(board.System(devices), "/dev/spidev1.0", null, new IPEndPoint(IPAddress.Loopback, 0), null, _log.Enqueue);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse("tcp:" + server.LocalEndPoint + ",spispeed=16M"));

            Assert.AreEqual(512_000u, connection.Client!.SpiFrequency);
            Assert.IsEmpty(server.Warnings);
        }

        [TestMethod]
        public void A_beaglebone_told_to_go_faster_is_warned()
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV), nodes: "/dev/spidev1.0");
            using var board = new BoardFiles(BoardFiles.BeagleBoneBlack);
            using SpidevServer server = SpidevServer.Start(board.System(devices), "/dev/spidev1.0", null, new IPEndPoint(IPAddress.Loopback, 0), 8_000_000, _log.Enqueue);

            Assert.HasCount(1, server.Warnings);
            StringAssert.Contains(server.Warnings[0], "spispeed=512 or lower");
        }

        [TestMethod]
        public void A_missing_node_is_reported_before_listening()
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV), nodes: "/dev/spidev9.9");
            using var board = new BoardFiles(BoardFiles.RaspberryPi);

            var missing = Assert.ThrowsExactly<SpidevNotFoundException>(
                () => SpidevServer.Start(board.System(devices), "/dev/spidev0.0", null, new IPEndPoint(IPAddress.Loopback, 0), null, _log.Enqueue));

            StringAssert.Contains(missing.Message, "raspi-config");
        }
    }
}
