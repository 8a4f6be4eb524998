using SerprogNano.Emulator.Chip;
using SerprogNano.Programmers.LinuxSpi;
using SerprogNano.Spidev;
using SerprogNano.TestSupport;

namespace SerprogNano.Programmers.Tests.LinuxSpi
{
    /// <summary>The linux_spi and spidev programmer strings, and the refusals around them.</summary>
    [TestClass]
    public sealed class ProgrammerStringTests
    {
        [TestMethod]
        [DataRow("linux_spi:dev=/dev/spidev0.0,spispeed=32768", "/dev/spidev0.0", 32_768_000u)]
        [DataRow("linux_spi:dev=/dev/spidev1.0,spispeed=512", "/dev/spidev1.0", 512_000u)]
        [DataRow("linux_spi:spispeed=128,dev=/dev/spidev1.0", "/dev/spidev1.0", 128_000u)]
        [DataRow("LINUX_SPI:dev=/dev/spidev0.1", "/dev/spidev0.1", null)]
        [DataRow("spidev:/dev/spidev0.0", "/dev/spidev0.0", null)]
        [DataRow("spidev:/dev/spidev1.0,spispeed=256", "/dev/spidev1.0", 256_000u)]
        [DataRow("/dev/spidev0.0", "/dev/spidev0.0", null)]
        public void Parses_flashprogs_form_our_short_form_and_a_bare_node(string text, string device, uint? hz)
        {
            var spec = (LinuxSpiProgrammerSpec)ProgrammerSpec.Parse(text);

            Assert.AreEqual(device, spec.DevicePath);
            Assert.AreEqual(hz, spec.SpiSpeedHz);
            Assert.AreEqual(text, spec.Text);
        }

        [TestMethod]
        [DataRow("linux_spi", "needs dev=")]
        [DataRow("linux_spi:spispeed=512", "needs dev=")]
        [DataRow("linux_spi:dev=/dev/spidev0.0,spispeed=16M", "kHz")]
        [DataRow("linux_spi:dev=/dev/spidev0.0,spispeed=0", "kHz")]
        [DataRow("linux_spi:dev=/dev/spidev0.0,cs=1", "'cs' is not a parameter")]
        [DataRow("spidev:", "device node first")]
        [DataRow("spidev:dev=/dev/spidev0.0", "device node first")]
        [DataRow("ch341a_spi", "5 V")]
        [DataRow("ch341a_spi:", "chipset")]
        [DataRow("ft2232_spi:type=2232H", "not supported")]
        [DataRow("buspirate_spi:dev=/dev/ttyUSB0", "not supported")]
        [DataRow("internal", "not supported")]
        [DataRow("nosuch", "Unknown programmer")]
        public void Refuses_with_what_to_do(string text, string expected)
        {
            var refused = Assert.ThrowsExactly<ProgrammerStringException>(() => ProgrammerSpec.Parse(text));

            StringAssert.Contains(refused.Message, expected);
        }

        [TestMethod]
        public void The_known_forms_name_linux_spi()
        {
            StringAssert.Contains(ProgrammerRegistry.KnownForms, "linux_spi:dev=/dev/spidev0.0");
        }

        [TestMethod]
        [DataRow(BoardFiles.RaspberryPi, "raspi-config")]
        [DataRow(BoardFiles.BeagleBoneBlack, "config-pin P9.17 spi_cs")]
        [DataRow("Libre Computer AML-S905X-CC\0", "ls /dev/spidev*")]
        public void A_missing_node_says_how_to_enable_spi_on_the_board(string model, string advice)
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV), nodes: "/dev/spidev9.9");
            using var board = new BoardFiles(model);

            var missing = Assert.ThrowsExactly<SpidevNotFoundException>(
                () => ProgrammerSession.Open(ProgrammerSpec.Parse("linux_spi:dev=/dev/spidev0.0,spispeed=32768"), null, board.System(devices)));

            StringAssert.Contains(missing.Message, "/dev/spidev0.0 does not exist");
            StringAssert.Contains(missing.Message, advice);
            Assert.IsEmpty(devices.Opened);
        }
    }
}
