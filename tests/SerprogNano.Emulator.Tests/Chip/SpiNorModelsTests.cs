using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class SpiNorModelsTests
    {
        [TestMethod]
        [DataRow("W25Q64FV", 0xEF, 0x4017, 8 * 1024 * 1024)]
        [DataRow("W25Q128FV", 0xEF, 0x4018, 16 * 1024 * 1024)]
        [DataRow("W25Q32FV", 0xEF, 0x4016, 4 * 1024 * 1024)]
        [DataRow("W25Q256JV", 0xEF, 0x4019, 32 * 1024 * 1024)]
        [DataRow("MX25L6406E", 0xC2, 0x2017, 8 * 1024 * 1024)]
        [DataRow("MX25L12835F", 0xC2, 0x2018, 16 * 1024 * 1024)]
        [DataRow("MX25L25635F", 0xC2, 0x2019, 32 * 1024 * 1024)]
        [DataRow("GD25Q64C", 0xC8, 0x4017, 8 * 1024 * 1024)]
        [DataRow("EN25QH64", 0x1C, 0x7017, 8 * 1024 * 1024)]
        [DataRow("SST25VF040B", 0xBF, 0x258D, 512 * 1024)]
        public void The_table_holds_the_part_with_its_datasheet_ids_and_size(string name, int manufacturer, int device, int size)
        {
            SpiNorModel? model = SpiNorModels.Find(name);

            Assert.IsNotNull(model);
            Assert.AreEqual(name, model.Name);
            Assert.AreEqual((byte)manufacturer, model.ManufacturerId);
            Assert.AreEqual((ushort)device, model.DeviceId);
            Assert.AreEqual(size, model.Size);
            CollectionAssert.Contains(SpiNorModels.All.ToList(), model);
        }

        [TestMethod]
        public void Find_ignores_letter_case()
        {
            Assert.AreSame(SpiNorModels.W25Q64FV, SpiNorModels.Find("w25q64fv"));
        }

        [TestMethod]
        public void Find_returns_null_for_an_unknown_part()
        {
            Assert.IsNull(SpiNorModels.Find("NOT-A-CHIP"));
        }

        [TestMethod]
        public void The_default_part_is_the_W25Q64FV()
        {
            Assert.AreSame(SpiNorModels.W25Q64FV, SpiNorModels.Default);
        }

        [TestMethod]
        public void Every_part_is_self_consistent()
        {
            var names = new HashSet<string>();
            foreach (SpiNorModel model in SpiNorModels.All)
            {
                Assert.IsTrue(names.Add(model.Name.ToUpperInvariant()), $"{model.Name} is listed twice");
                Assert.IsTrue(BitOperations.IsPow2(model.Size), model.Name);
                Assert.IsTrue(BitOperations.IsPow2(model.PageSize), model.Name);
                if (!model.HasSstAai)
                {
                    // SST numbers its parts its own way; everyone else's capacity byte is log2 of the size.
                    Assert.AreEqual(1 << (model.DeviceId & 0xFF), model.Size, model.Name);
                }

                Assert.AreEqual(model.Size > 16 * 1024 * 1024, model.HasFourByteMode, model.Name);
                Assert.HasCount(3, model.StatusWriteMasks, model.Name);
                Assert.HasCount(3, model.PowerUpStatus, model.Name);
                foreach (EraseBlockType erase in model.EraseTypes)
                {
                    Assert.IsTrue(BitOperations.IsPow2(erase.Size) && erase.Size <= model.Size, model.Name);
                }

                foreach (int register in model.WriteStatusTargets)
                {
                    Assert.IsTrue(register == 1 || (register == 2 && model.HasStatus2) || (register == 3 && model.HasStatus3), model.Name);
                }
            }
        }
    }
}
