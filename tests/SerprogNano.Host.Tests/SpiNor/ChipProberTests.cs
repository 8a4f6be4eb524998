using System.Collections.Generic;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Chips;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;

namespace SerprogNano.Host.Tests.SpiNor
{
    [TestClass]
    public sealed class ChipProberTests
    {
        public static IEnumerable<object[]> Models()
        {
            foreach (SpiNorModel model in SpiNorModels.All)
            {
                yield return new object[] { model.Name };
            }
        }

        [TestMethod]
        [DynamicData(nameof(Models))]
        public void Every_emulated_part_is_recognised(string name)
        {
            SpiNorModel model = SpiNorModels.Find(name)!;
            using var rig = new FlashRig(model);

            Assert.AreEqual(model.Size, rig.Flash.Size);
            Assert.AreEqual(model.ManufacturerId, rig.Probe.Identity.Manufacturer);
            Assert.AreEqual(model.DeviceId, rig.Probe.Identity.Device);
            Assert.AreEqual("RDID", rig.Probe.Identity.Command);
            Assert.Contains(model.Name, rig.Flash.Chip.Names);
        }

        [TestMethod]
        public void An_id_shared_by_several_entries_asks_for_a_name()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);

            var e = Assert.ThrowsExactly<AmbiguousChipException>(() => ChipProber.Probe(rig.Master, ChipDatabase.Default));

            Assert.IsGreaterThan(1, e.Candidates.Count);
            StringAssert.Contains(e.Message, "W25Q64BV/W25Q64CV/W25Q64FV");
            StringAssert.Contains(e.Message, "-c");
        }

        [TestMethod]
        public void No_chip_reads_as_all_ones_and_says_what_to_check()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);
            rig.Chip.Faults.Absent = true;

            var e = Assert.ThrowsExactly<NoChipAnswerException>(() => ChipProber.Probe(rig.Master, ChipDatabase.Default));

            StringAssert.Contains(e.Message, "0xFF");
            StringAssert.Contains(e.Message, "MISO");
            StringAssert.Contains(e.Message, "--spispeed");
        }

        [TestMethod]
        public void Miso_shorted_low_reads_as_all_zeros()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);
            rig.Chip.Faults.MisoShortedLow = true;

            var e = Assert.ThrowsExactly<NoChipAnswerException>(() => ChipProber.Probe(rig.Master, ChipDatabase.Default));

            StringAssert.Contains(e.Message, "0x00");
        }

        [TestMethod]
        public void A_part_missing_from_the_database_is_described_by_its_SFDP()
        {
            SpiNorModel unknown = SpiNorModels.W25Q64FV with { Name = "Mystery", ManufacturerId = 0x5E, DeviceId = 0x4017 };
            var chip = new EmulatedSpiNor(unknown);
            using var client = Rig.Connect(new Emulator.SerprogEmulator(chip));
            var master = new Spi.SerprogSpiMaster(client);

            ProbeResult result = ChipProber.Probe(master, ChipDatabase.Default);

            Assert.AreEqual("SFDP", result.Source);
            Assert.AreEqual(8L * 1024 * 1024, result.Chip.Size);
            Assert.AreEqual(4096, result.Chip.EraseBlocks[0].Size);
            Assert.HasCount(1, result.Warnings);
        }

        [TestMethod]
        public void A_forced_part_whose_id_differs_is_used_with_a_warning()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);

            ProbeResult result = ChipProber.Probe(rig.Master, ChipDatabase.Default, "W25Q32FV");

            Assert.AreEqual("forced", result.Source);
            Assert.AreEqual("W25Q32FV", result.Chip.Name);
            Assert.HasCount(1, result.Warnings);
        }

        [TestMethod]
        public void An_unknown_forced_name_is_refused()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);

            Assert.ThrowsExactly<SpiNorException>(() => ChipProber.Probe(rig.Master, ChipDatabase.Default, "NoSuchChip"));
        }
    }
}
