using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class IdentificationTests
    {
        public static System.Collections.Generic.IEnumerable<object[]> AllParts()
        {
            foreach (SpiNorModel model in SpiNorModels.All)
            {
                yield return new object[] { model.Name };
            }
        }

        [TestMethod]
        [DynamicData(nameof(AllParts))]
        public void RDID_answers_manufacturer_type_and_capacity_then_repeats_them(string name)
        {
            SpiNorModel model = SpiNorModels.Find(name)!;
            var chip = new EmulatedSpiNor(model);

            byte[] id = ChipWire.Command(chip, new[] { SpiNorOpcodes.ReadJedecId }, 6);

            byte[] once = { model.ManufacturerId, (byte)(model.DeviceId >> 8), (byte)model.DeviceId };
            CollectionAssert.AreEqual(ChipWire.Concat(once, once), id);
        }

        [TestMethod]
        public void RDID_bytes_split_over_several_exchanges_read_the_same()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q128FV);
            var first = new byte[2];
            var second = new byte[2];

            chip.Select();
            chip.Exchange(new byte[] { SpiNorOpcodes.ReadJedecId, 0xFF }, first);
            chip.Exchange(new byte[] { 0xFF, 0xFF }, second);
            chip.Deselect();

            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xEF, 0x40, 0x18 }, ChipWire.Concat(first, second));
        }

        [TestMethod]
        [DataRow("W25Q64FV", 0xEF, 0x16)]
        [DataRow("MX25L6406E", 0xC2, 0x16)]
        [DataRow("GD25Q64C", 0xC8, 0x16)]
        [DataRow("W25Q256JV", 0xEF, 0x18)]
        [DataRow("SST25VF040B", 0xBF, 0x8D)]
        public void REMS_answers_manufacturer_then_device_alternating_or_device_first_when_A0_is_set(string name, int manufacturer, int device)
        {
            var chip = new EmulatedSpiNor(SpiNorModels.Find(name)!);

            byte[] even = ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.ReadManufacturerDeviceId, 0), 4);
            byte[] odd = ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.ReadManufacturerDeviceId, 1), 4);

            CollectionAssert.AreEqual(new[] { (byte)manufacturer, (byte)device, (byte)manufacturer, (byte)device }, even);
            CollectionAssert.AreEqual(new[] { (byte)device, (byte)manufacturer, (byte)device, (byte)manufacturer }, odd);
        }

        [TestMethod]
        [DataRow("W25Q64FV", 0x16)]
        [DataRow("W25Q128FV", 0x17)]
        [DataRow("MX25L25635F", 0x18)]
        [DataRow("EN25QH64", 0x16)]
        public void RES_answers_the_electronic_signature_after_three_dummy_bytes_for_as_long_as_clocked(string name, int signature)
        {
            var chip = new EmulatedSpiNor(SpiNorModels.Find(name)!);

            byte[] miso = ChipWire.Transfer(chip, new byte[] { SpiNorOpcodes.ReleasePowerDownId, 0, 0, 0, 0xFF, 0xFF });

            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, (byte)signature, (byte)signature }, miso);
        }

        [TestMethod]
        public void On_the_SST25VF040B_0xAB_reads_like_REMS()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);

            byte[] id = ChipWire.Command(chip, ChipWire.Op(SpiNorOpcodes.ReleasePowerDownId, 0), 2);

            CollectionAssert.AreEqual(new byte[] { 0xBF, 0x8D }, id);
        }
    }
}
