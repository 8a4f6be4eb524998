using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Host.SpiNor;
using SerprogNano.Programmers.LinuxSpi;
using SerprogNano.Spidev;
using SerprogNano.TestSupport;

namespace SerprogNano.Programmers.Tests.LinuxSpi
{
    /// <summary>The guide's advice, given for the board named in an injected /proc/device-tree/model.</summary>
    [TestClass]
    public sealed class BoardAdviceTests
    {
        [TestMethod]
        public void A_beaglebone_above_512_khz_is_warned_with_the_guides_advice()
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV), nodes: "/dev/spidev1.0");
            using var board = new BoardFiles(BoardFiles.BeagleBoneBlack);

            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse("linux_spi:dev=/dev/spidev1.0,spispeed=32768"), null, board.System(devices));

            Assert.HasCount(1, connection.Warnings);
            StringAssert.Contains(connection.Warnings[0], "BeagleBone Black");
            StringAssert.Contains(connection.Warnings[0], "spispeed=512 or lower");
            StringAssert.Contains(connection.Warnings[0], "256 or 128");
            StringAssert.Contains(connection.Warnings[0], "several dumps");
            Assert.AreEqual(BoardKind.BeagleBoneBlack, ((LinuxSpiSession)connection).Board);
        }

        [TestMethod]
        [DataRow(BoardFiles.BeagleBoneBlack, "linux_spi:dev=/dev/spidev1.0,spispeed=512")]
        [DataRow(BoardFiles.BeagleBoneBlack, "linux_spi:dev=/dev/spidev1.0,spispeed=128")]
        [DataRow(BoardFiles.RaspberryPi, "linux_spi:dev=/dev/spidev1.0,spispeed=32768")]
        public void Guide_speeds_on_each_board_pass_without_a_warning(string model, string programmer)
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV), nodes: "/dev/spidev1.0");
            using var board = new BoardFiles(model);

            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse(programmer), null, board.System(devices));

            Assert.IsEmpty(connection.Warnings);
        }

        [TestMethod]
        [DataRow(BoardFiles.RaspberryPi, true)]
        [DataRow(BoardFiles.BeagleBoneBlack, false)]
        public void A_silent_bus_on_a_raspberry_pi_also_suggests_raising_the_drive_strength(string model, bool advised)
        {
            var devices = new EmulatedSpidevFactory(new SilentBus());
            using var board = new BoardFiles(model);
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse("spidev:/dev/spidev0.0"), null, board.System(devices));

            var silent = Assert.ThrowsExactly<NoChipAnswerException>(() => ChipProber.Probe(connection.Master, ChipDatabase.Default));
            string? advice = BoardAdvice.ForBlankId(((LinuxSpiSession)connection).Board);

            StringAssert.Contains(silent.Message, "0xFF");
            Assert.AreEqual(advised, advice != null);
            if (advised)
            {
                StringAssert.Contains(advice, "pigs pads 0 16");
                StringAssert.Contains(advice, "16 mA");
            }
        }

        [TestMethod]
        public void The_sessions_probe_adds_the_boards_advice_to_a_silent_bus()
        {
            var devices = new EmulatedSpidevFactory(new SilentBus());
            using var board = new BoardFiles(BoardFiles.RaspberryPi);
            using ProgrammerSession session = ProgrammerSession.Open(ProgrammerSpec.Parse("spidev:/dev/spidev0.0"), null, board.System(devices));

            var silent = Assert.ThrowsExactly<SpiNorException>(() => session.Probe());

            StringAssert.Contains(silent.Message, "0xFF");
            StringAssert.Contains(silent.Message, "pigs pads 0 16");
            Assert.IsInstanceOfType<NoChipAnswerException>(silent.InnerException);
        }

        [TestMethod]
        public void A_silent_bus_on_a_board_without_advice_is_reported_as_it_is()
        {
            var devices = new EmulatedSpidevFactory(new SilentBus());
            using var board = new BoardFiles(BoardFiles.BeagleBoneBlack);
            using ProgrammerSession session = ProgrammerSession.Open(ProgrammerSpec.Parse("spidev:/dev/spidev0.0"), null, board.System(devices));

            Assert.ThrowsExactly<NoChipAnswerException>(() => session.Probe());
        }

        [TestMethod]
        [DataRow("Raspberry Pi 5 Model B Rev 1.0\0", BoardKind.RaspberryPi)]
        [DataRow("TI AM335x BeagleBone Black\0", BoardKind.BeagleBoneBlack)]
        [DataRow("Libre Computer AML-S905X-CC\0", BoardKind.LePotato)]
        [DataRow("QEMU Virt\0", BoardKind.Other)]
        public void Boards_are_told_apart_by_their_device_tree_model(string model, BoardKind expected)
        {
            using var board = new BoardFiles(model);

            Assert.AreEqual(expected, board.System(new EmulatedSpidevFactory(new SilentBus())).DetectBoard());
        }

        /// <summary>A clip on nothing: MISO floats high.</summary>
        private sealed class SilentBus : ISpiTarget
        {
            public void Select()
            {
            }

            public void Deselect()
            {
            }

            public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso) => miso.Fill(0xFF);
        }
    }
}
