using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Sbc.Tests.Doubles;
using SerprogNano.Spidev;
using SerprogNano.TestSupport;

namespace SerprogNano.Sbc.Tests
{
    /// <summary>The engine's two SPI buses on spidev: what goes into one transfer, and what is refused.</summary>
    [TestClass]
    public sealed class SpidevBusTests
    {
        [TestMethod]
        public void Spidevs_chip_select_sends_the_write_and_read_phases_as_one_transfer()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip);
            using var port = new SpidevPort(new SpidevSystem(devices), new SpidevPath(0, 0), 4096, 1_000_000, 1_000_000);
            var bus = new KernelChipSelectBus(port);
            var id = new byte[3];

            bus.SetChipSelect(true);
            bus.Write(new byte[] { SpiNorOpcodes.ReadJedecId }, 0, 1);
            bus.Read(id, 0, 3);
            bus.SetChipSelect(false);

            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x16 }, id);
            Assert.AreEqual(1, devices.Counters.Transfers);
            Assert.AreEqual(4, devices.Counters.Largest);
        }

        [TestMethod]
        public void Spidevs_chip_select_refuses_a_second_transfer_under_one_select()
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV));
            using var port = new SpidevPort(new SpidevSystem(devices), new SpidevPath(0, 0), 4096, 1_000_000, 1_000_000);
            var bus = new KernelChipSelectBus(port);
            var status = new byte[1];

            bus.SetChipSelect(true);
            bus.Write(new byte[] { SpiNorOpcodes.ReadStatus }, 0, 1);
            bus.Read(status, 0, 1);

            Assert.ThrowsExactly<InvalidOperationException>(() => bus.Read(status, 0, 1));
            Assert.ThrowsExactly<InvalidOperationException>(() => bus.Write(new byte[4097], 0, 4097));
            Assert.AreEqual(1, devices.Counters.Transfers);
        }

        [TestMethod]
        public void A_write_only_operation_goes_out_when_chip_select_rises()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var devices = new EmulatedSpidevFactory(chip);
            using var port = new SpidevPort(new SpidevSystem(devices), new SpidevPath(0, 0), 4096, 1_000_000, 1_000_000);
            var bus = new KernelChipSelectBus(port);

            bus.SetChipSelect(true);
            bus.Write(new byte[] { SpiNorOpcodes.WriteEnable }, 0, 1);
            Assert.AreEqual(0, devices.Counters.Transfers, "held back until chip select rises");
            bus.SetChipSelect(false);

            Assert.AreEqual(1, devices.Counters.Transfers);
            Assert.AreEqual(1, chip.CommandCount(0x06));
        }

        [TestMethod]
        public void A_gpio_chip_select_streams_a_long_read_in_bufsiz_transfers_under_one_select()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            byte[] contents = TestData.RandomBytes((int)chip.Model.Size, seed: 30);
            chip.Load(contents);
            var devices = new EmulatedSpidevFactory(chip, kernelChipSelect: false);
            var line = new EmulatedChipSelectLine(chip);
            using var port = new SpidevPort(new SpidevSystem(devices), new SpidevPath(0, 0), 4096, 1_000_000, 1_000_000);
            var bus = new GpioChipSelectBus(port, line);
            var data = new byte[10_000];

            line.Drive();
            bus.SetChipSelect(true);
            bus.Write(new byte[] { SpiNorOpcodes.Read, 0x00, 0x10, 0x00 }, 0, 4);
            bus.Read(data, 0, data.Length);
            bus.SetChipSelect(false);

            CollectionAssert.AreEqual(contents.AsSpan(0x1000, data.Length).ToArray(), data);
            Assert.AreEqual(1, line.Selections);
            Assert.AreEqual(4, devices.Counters.Transfers, "the command, then 4096 + 4096 + 1808 bytes");
        }

        [TestMethod]
        public void The_clock_is_clamped_and_a_new_one_reopens_the_device()
        {
            var devices = new EmulatedSpidevFactory(new EmulatedSpiNor(SpiNorModels.W25Q32FV));
            using var port = new SpidevPort(new SpidevSystem(devices), new SpidevPath(0, 0), 4096, 2_000_000, 512_000);

            Assert.AreEqual(512_000u, port.Frequency);
            Assert.AreEqual(256_000u, port.SetFrequency(256_000));
            Assert.AreEqual(SpidevPort.MinimumHz, port.SetFrequency(1));
            Assert.AreEqual(512_000u, port.SetFrequency(48_000_000));
            Assert.HasCount(4, devices.Opened);
            Assert.AreEqual(512_000, devices.Opened[^1].ClockFrequency);
        }
    }
}
