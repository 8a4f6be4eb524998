using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.Serprog;
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
        public void An_id_shared_by_parts_that_read_erase_and_write_alike_is_recognised_as_all_of_them()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV);

            ProbeResult result = ChipProber.Probe(rig.Master, ChipDatabase.Default);

            Assert.AreEqual("database", result.Source);
            Assert.HasCount(2, result.Candidates);
            Assert.AreEqual("W25Q64BV/W25Q64CV/W25Q64FV/W25Q64JV-.Q", result.Chip.Name);
            Assert.AreEqual(8L * 1024 * 1024, result.Chip.Size);
            CollectionAssert.AreEqual(new[] { 4096, 32768, 65536 }, result.Chip.EraseBlocks.Select(b => b.Size).ToArray());
            Assert.AreEqual(3, result.Chip.StatusRegisters, "the most any candidate has");
            Assert.AreEqual(TimeSpan.FromMilliseconds(0.7), result.Chip.Timings.PageProgramTypical, "the slowest candidate's");
            Assert.IsEmpty(result.Warnings);
        }

        [TestMethod]
        public void Parts_sharing_an_id_with_different_erase_blocks_are_driven_by_the_blocks_they_all_have()
        {
            using var rig = new FlashRig(SpiNorModels.MX25L6406E);

            ProbeResult result = ChipProber.Probe(rig.Master, ChipDatabase.Default);

            Assert.HasCount(4, result.Candidates);
            StringAssert.Contains(result.Chip.Name, "MX25L6405D");
            StringAssert.Contains(result.Chip.Name, "MX25L6436E");
            CollectionAssert.AreEqual(new[] { 65536 }, result.Chip.EraseBlocks.Select(b => b.Size).ToArray(), "no 4 KiB erase: the first MX25L6405 has none (its 0x20 erases 64 KiB), no 32 KiB: MX25L6405D lacks it");
        }

        [TestMethod]
        public void An_id_shared_by_parts_that_address_past_16_MiB_differently_asks_for_a_name_and_says_why()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q256JV);

            var e = Assert.ThrowsExactly<AmbiguousChipException>(() => ChipProber.Probe(rig.Master, ChipDatabase.Default));

            Assert.HasCount(2, e.Candidates);
            StringAssert.Contains(e.Message, "They differ in addressing past 16 MiB (W25Q256FV: EN4B mode; W25Q256JV_Q/W25Q256JV: 4-byte opcodes)");
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
            CollectionAssert.Contains(e.Remedies.ToList(), Remedy.LowerSpiSpeed);
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
            SpiNorModel unknown = SpiNorModels.W25Q64FV with { Name = "Mystery", Chip = SpiNorModels.W25Q64FV.Chip with { ManufacturerId = 0x5E, DeviceId = 0x4017 } };
            var chip = new EmulatedSpiNor(unknown);
            using var client = Rig.Connect(new Emulator.SerprogEmulator(chip));
            var master = new SerprogSpiMaster(client);

            ProbeResult result = ChipProber.Probe(master, ChipDatabase.Default);

            Assert.AreEqual("SFDP", result.Source);
            Assert.AreEqual(8L * 1024 * 1024, result.Chip.Size);
            Assert.AreEqual(4096, result.Chip.EraseBlocks[0].Size);
            Assert.HasCount(1, result.Warnings);
        }

        [TestMethod]
        public void A_forced_part_whose_id_and_size_differ_is_marked_contradicted_with_what_the_chip_is()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV, forcedChip: "W25Q64FV");

            ProbeResult result = ChipProber.Probe(rig.Master, ChipDatabase.Default, "W25Q32FV");

            Assert.AreEqual("forced", result.Source);
            Assert.AreEqual("W25Q32FV", result.Chip.Name);
            Assert.AreEqual(8L * 1024 * 1024, result.Recognised!.Size);
            Assert.AreEqual(8L * 1024 * 1024, result.ChipSize);
            Assert.AreEqual(
                "The chip answers EF 40 17 (W25Q64BV/W25Q64CV/W25Q64FV/W25Q64JV-.Q, 8 MiB) but -c W25Q32FV is EF 40 16, 4 MiB. Only the first 4 MiB of its 8 MiB would be covered.",
                result.Contradiction);
            Assert.HasCount(1, result.Warnings);
            StringAssert.Contains(result.Warnings[0], "never written or erased");
        }

        [TestMethod]
        public void A_forced_larger_part_says_that_addresses_wrap()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV, forcedChip: "W25Q64FV");

            ProbeResult result = ChipProber.Probe(rig.Master, ChipDatabase.Default, "W25Q128FV");

            StringAssert.Contains(result.Contradiction, "Past 8 MiB the chip's addresses wrap around to its start: 16 MiB read from it hold its contents 2 times over.");
        }

        [TestMethod]
        public void A_forced_part_with_the_chips_id_is_not_contradicted()
        {
            using var rig = new FlashRig(SpiNorModels.W25Q64FV, forcedChip: "W25Q64FV");

            ProbeResult result = ChipProber.Probe(rig.Master, ChipDatabase.Default, "W25Q64JV-.Q");

            Assert.IsNull(result.Contradiction);
            Assert.IsEmpty(result.Warnings);
        }

        [TestMethod]
        [DataRow("W25Q64FV", null)]
        [DataRow("W25Q32FV", "The chip answers REMS EF 16 and its SFDP tables give 8 MiB but -c W25Q32FV is EF 40 16, 4 MiB. Only the first 4 MiB of its 8 MiB would be covered.")]
        [DataRow("GD25Q64C", "The chip answers REMS EF 16 (maker EF) but -c GD25Q64C is C8 40 17, 8 MiB.")]
        public void A_chip_without_RDID_confirms_a_forced_part_only_by_its_REMS_maker_and_SFDP_size(string forced, string? contradiction)
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            using var client = Rig.Connect(Rig.Emulator(new NoRdidChip(chip)));

            ProbeResult result = ChipProber.Probe(new SerprogSpiMaster(client), ChipDatabase.Default, forced);

            Assert.AreEqual("REMS", result.Identity.Command);
            Assert.AreEqual(contradiction, result.Contradiction);
            Assert.AreEqual(forced == "GD25Q64C" ? null : 8L * 1024 * 1024, result.ChipSize, "the size its SFDP tables give");
        }

        [TestMethod]
        public void A_chip_without_RDID_needs_a_name_and_says_what_a_name_allows()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            using var client = Rig.Connect(Rig.Emulator(new NoRdidChip(chip)));

            var e = Assert.ThrowsExactly<SpiNorException>(() => ChipProber.Probe(new SerprogSpiMaster(client), ChipDatabase.Default));

            Assert.AreEqual(
                "The chip does not answer RDID but answers REMS EF 16: an old part without a JEDEC id. Name it with -c: reading follows -c, writing and erasing only when the chip's REMS maker and SFDP size confirm the part.",
                e.Message);
        }

        [TestMethod]
        public void A_chip_without_RDID_or_SFDP_confirms_no_forced_part()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);
            using var client = Rig.Connect(Rig.Emulator(new NoRdidChip(chip)));

            ProbeResult result = ChipProber.Probe(new SerprogSpiMaster(client), ChipDatabase.Default, "SST25VF040B");

            Assert.AreEqual("The chip gives no JEDEC id (it answers REMS BF 8D, and has no SFDP tables), so nothing confirms that it is a SST25VF040B of 512 KiB.", result.Contradiction);
        }

        [TestMethod]
        public void An_unknown_forced_name_is_refused_with_the_closest_names()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);

            var e = Assert.ThrowsExactly<UnknownChipException>(() => ChipProber.Probe(rig.Master, ChipDatabase.Default, "W25Q64"));

            StringAssert.StartsWith(e.Message, "No chip called \"W25Q64\" is in the database. Closest: ");
            StringAssert.Contains(e.Message, "W25Q64FV");
            CollectionAssert.Contains(e.Remedies.ToList(), Remedy.ListChips);
        }

        [TestMethod]
        public void A_chip_stuck_busy_is_diagnosed_as_busy_not_as_missing()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);
            rig.Chip.Faults.StuckBusy = true;

            var e = Assert.ThrowsExactly<SpiNorException>(() => ChipProber.Probe(rig.Master, ChipDatabase.Default));

            StringAssert.Contains(e.Message, "The chip stays busy: status register 1 reads 0x01 (WIP set)");
            StringAssert.Contains(e.Message, "power-cycle it");
            StringAssert.Contains(e.Message, "WP# and HOLD#");
            Assert.IsFalse(e.Message.Contains("0xFF", StringComparison.Ordinal), e.Message);
        }

        [TestMethod]
        public void A_chip_busy_for_a_moment_is_waited_for_and_recognised()
        {
            using var rig = new FlashRig(SpiNorModels.GD25Q64C);
            rig.Chip.Faults.StuckBusy = true;
            using var release = new System.Threading.Timer(_ => rig.Chip.Faults.StuckBusy = false, null, 300, System.Threading.Timeout.Infinite);

            ProbeResult result = ChipProber.Probe(rig.Master, ChipDatabase.Default);

            Assert.AreEqual("GD25Q64(B)/GD25Q64C", result.Chip.Name);
        }
    }
}
