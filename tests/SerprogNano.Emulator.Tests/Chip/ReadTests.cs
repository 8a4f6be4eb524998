using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class ReadTests
    {
        [TestMethod]
        public void A_new_chip_is_erased()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);

            Assert.HasCount(SpiNorModels.W25Q64FV.Size, chip.Snapshot());
            BytesAssert.AllAre(0xFF, chip.Snapshot());
        }

        [TestMethod]
        public void READ_streams_the_array_from_the_address()
        {
            var chip = LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);

            byte[] data = ChipWire.Read(chip, 0x12345, 300);

            CollectionAssert.AreEqual(image[0x12345..(0x12345 + 300)], data);
        }

        [TestMethod]
        public void FAST_READ_takes_one_dummy_byte_before_the_data()
        {
            var chip = LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);

            byte[] miso = ChipWire.Transfer(chip, ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.FastRead, 0x100), ChipWire.Filled(5, 0)));

            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, miso[..5]);
            CollectionAssert.AreEqual(image[0x100..0x104], miso[5..]);
        }

        [TestMethod]
        public void READ_wraps_to_address_zero_past_the_last_byte()
        {
            var chip = LoadedChip(SpiNorModels.SST25VF040B, out byte[] image);
            int size = image.Length;

            byte[] data = ChipWire.Read(chip, size - 2, 4);

            CollectionAssert.AreEqual(new[] { image[size - 2], image[size - 1], image[0], image[1] }, data);
        }

        [TestMethod]
        public void Address_bits_above_the_array_are_ignored()
        {
            var chip = LoadedChip(SpiNorModels.W25Q32FV, out byte[] image);

            byte[] data = ChipWire.Read(chip, 0xC00010, 2);

            CollectionAssert.AreEqual(image[0x10..0x12], data);
        }

        [TestMethod]
        public void A_read_split_anywhere_over_exchanges_returns_the_same_bytes()
        {
            var chip = LoadedChip(SpiNorModels.W25Q64FV, out byte[] image);
            byte[] command = ChipWire.Op(SpiNorOpcodes.FastRead, 0x7FF0);
            var miso = new byte[2];
            var data = new byte[40];

            chip.Select();
            chip.Exchange(command.AsSpan(0, 2), miso);
            chip.Exchange(new byte[] { command[2], command[3] }, miso);
            chip.Exchange(new byte[] { 0x00 }, miso.AsSpan(0, 1)); // the dummy byte alone
            chip.Exchange(new byte[7], data.AsSpan(0, 7));
            chip.Exchange(new byte[33], data.AsSpan(7));
            chip.Deselect();

            CollectionAssert.AreEqual(image[0x7FF0..0x8018], data);
            Assert.AreEqual(40, chip.BytesRead);
        }

        [TestMethod]
        public void A_whole_16_MiB_chip_streams_out_in_4_KiB_exchanges()
        {
            var chip = LoadedChip(SpiNorModels.W25Q128FV, out byte[] image);
            var read = new byte[image.Length];
            var idle = ChipWire.Filled(4096, 0xFF);
            var header = new byte[4];

            chip.Select();
            chip.Exchange(ChipWire.Op(SpiNorOpcodes.Read, 0), header);
            for (int offset = 0; offset < read.Length; offset += 4096)
            {
                chip.Exchange(idle, read.AsSpan(offset, 4096));
            }

            chip.Deselect();

            BytesAssert.Equal(image, read);
            Assert.AreEqual(image.Length, chip.BytesRead);
        }

        internal static EmulatedSpiNor LoadedChip(SpiNorModel model, out byte[] image)
        {
            image = new byte[model.Size];
            new Random(model.Size).NextBytes(image);
            var chip = new EmulatedSpiNor(model);
            chip.Load(image);
            return chip;
        }
    }
}
