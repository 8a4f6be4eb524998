using System;
using System.Collections.Generic;
using System.Linq;

namespace SerprogNano.Chips.Tests
{
    [TestClass]
    public sealed class ChipDatabaseTests
    {
        private const long KiB = 1024;
        private const long MiB = 1024 * 1024;

        [TestMethod]
        public void Built_in_database_has_at_least_forty_valid_parts()
        {
            IReadOnlyList<ChipDefinition> chips = ChipDatabase.Default.Chips;

            Assert.IsGreaterThanOrEqualTo(40, chips.Count);
            foreach (ChipDefinition chip in chips)
            {
                ChipDefinitionValidator.Validate(chip);
            }
        }

        [TestMethod]
        public void Ids_several_entries_share_need_a_name_only_where_flashroms_entries_differ_and_every_merge_is_valid()
        {
            var needName = new List<string>();
            foreach (IGrouping<string, ChipDefinition> shared in ChipDatabase.Default.Chips.GroupBy(chip => chip.JedecId).Where(group => group.Count() > 1))
            {
                ChipDefinition? merged = SharedIdChips.Merge(shared.ToArray(), out string? difference);
                if (merged == null)
                {
                    needName.Add(shared.Key);
                    continue;
                }

                ChipDefinitionValidator.Validate(merged);
                foreach (ChipDefinition part in shared)
                {
                    Assert.AreEqual(part.Size, merged.Size);
                    Assert.IsTrue(merged.EraseBlocks.All(block => part.EraseBlocks.Any(own => own.Size == block.Size && own.Opcode == block.Opcode && own.Opcode4Byte == block.Opcode4Byte)), part.Name + " has every erase block used");
                    Assert.IsTrue(merged.Timings.PageProgramMax >= part.Timings.PageProgramMax && merged.Timings.ChipEraseMax >= part.Timings.ChipEraseMax, "waits as long as the slowest");
                }
            }

            // Boot-sector EN25B/A25L..P beside uniform EN25P parts, AT25F512/AT25F1024 (one id, two sizes), GD25B128B beside
            // GD25Q128C (BP bits), N25Q512 beside MT25Q512 (chip erase), Spansion's 01 20 18 family (page size) and W25Q256 (addressing);
            // of the later parts: MX25L3239E beside MX25U3235F (voltage), XM25QH16C/XM25QH80B beside M45PE16/M45PE80 (page erase),
            // W25R256JW beside W25Q256JW (addressing), W77Q16JW/W77Q32JW (one id, two sizes) and W77Q12NW (a die per status register).
            string[] expected =
            [
                "RDID 7F 37 20 13", "AT25F-ID 1F 60", "1C 20 10", "1C 20 11", "1C 20 15", "1C 20 12", "1C 20 16", "1C 20 13", "1C 20 17", "1C 20 14",
                "C8 40 18", "20 BB 20", "20 BA 20", "01 20 18", "EF 40 19",
                "C2 25 36", "20 40 15", "20 40 14", "EF 60 19", "EF 8A 16", "EF 8A 18",
            ];
            CollectionAssert.AreEquivalent(expected, needName, string.Join(", ", needName));
        }

        [TestMethod]
        [DataRow("w25q64fv", "W25Q64FV")]
        [DataRow("W25Q64FVSIG", "W25Q64FV")]
        [DataRow("MX25L6406", "MX25L6406E")]
        [DataRow("W25Q128JW", "W25Q128.W")]
        [DataRow("GD25Q46C", "GD25Q64C")]
        public void Closest_names_of_a_name_the_database_lacks_start_with_the_likely_part(string typed, string first)
        {
            IReadOnlyList<string> closest = ChipDatabase.Default.ClosestNames(typed);

            Assert.IsNotEmpty(closest);
            Assert.AreEqual(first, closest[0], string.Join(", ", closest));
        }

        [TestMethod]
        [DataRow("EN25Q32(A/B)", "EN25Q32(A/B)")]
        [DataRow("EN25Q32B", "EN25Q32(A/B)")]
        [DataRow("MX25U3235F", "MX25U3235E/F")]
        [DataRow("S25FL032P", "S25FL032A/P")]
        [DataRow("GD25Q256D/GD25Q256E", "GD25Q256D/GD25Q256E/GD25B256D/GD25B256E/GD25R256E")]
        [DataRow("GD25Q256D/GD25Q256E/GD25B256D", "GD25Q256D/GD25Q256E/GD25B256D/GD25B256E/GD25R256E")]
        [DataRow("GD25R128E", "GD25Q127C/GD25Q128C/GD25Q128E/GD25B128E/GD25R128E/GD25B127D/GD25Q128H/GD25B128H")]
        [DataRow("W25Q32JV-.M", "W25Q32JV_M/W25Q32JV-.M")]
        [DataRow("mx25l4005c", "MX25L4005(A/C)/MX25L4006E")]
        [DataRow("SST25VF040B.REMS", "SST25VF040B.REMS")]
        public void Names_as_flashrom_spells_them_and_the_parts_they_stand_for_find_their_entry(string typed, string entry)
        {
            Assert.AreEqual(entry, ChipDatabase.Default.FindByName(typed)?.Name);
        }

        [TestMethod]
        [DataRow("F25L008A", "programs one byte per command without SST AAI")]
        [DataRow("SST26VF016B", "powers up locked")]
        [DataRow("S25FL128S_UL Uniform 128 kB Sectors", "configuration registers")]
        [DataRow("A25L16PU", "boot sectors")]
        [DataRow("AT26F004", "flashrom reports writing this part broken")]
        [DataRow("W77Q12NW", "stacked dies each have a status register")]
        [DataRow("SST26VF080A", "powers up locked")]
        [DataRow("S25FS512S", "configuration registers")]
        public void Parts_with_quirks_serprog_does_not_drive_say_why_they_are_only_read(string name, string reason)
        {
            StringAssert.Contains(ChipDatabase.Default.FindByName(name)!.ChangeRefusal, reason);
        }

        [TestMethod]
        [DataRow("W25Q64FV")]
        [DataRow("SST25VF040B")]
        [DataRow("MX25L6405D")]
        [DataRow("GD25Q128E")]
        [DataRow("W25Q01JV")]
        public void Common_parts_are_written(string name)
        {
            Assert.IsNull(ChipDatabase.Default.FindByName(name)!.ChangeRefusal);
        }

        [TestMethod]
        public void Nothing_is_close_to_a_name_unlike_any_part()
        {
            Assert.IsEmpty(ChipDatabase.Default.ClosestNames("banana"));
        }

        [TestMethod]
        public void Built_in_database_covers_the_vendors_of_flashroms_spi_nor_parts_spelt_as_flashrom_does()
        {
            string[] vendors =
            [
                "AMIC", "Atmel", "Boya/BoHong Microelectronics", "ESI", "ESMT", "Eon", "Fudan", "GigaDevice", "ISSI", "Intel", "Macronix",
                "Micron/Numonyx/ST", "Micron", "Nantronics", "PMC", "SST", "Sanyo", "Spansion", "Winbond", "XMC", "Zetta Device",
                "PUYA", "XTX Technology", "Zbit Semiconductor, Inc.",
            ];

            CollectionAssert.AreEquivalent(vendors, ChipDatabase.Default.Chips.Select(chip => chip.Vendor).Distinct().ToArray());
        }

        [TestMethod]
        [DataRow("W25Q64FV", 0xEF, 0x4017, 8 * MiB)]
        [DataRow("W25Q128FV", 0xEF, 0x4018, 16 * MiB)]
        [DataRow("MX25L6406E", 0xC2, 0x2017, 8 * MiB)]
        [DataRow("GD25Q64C", 0xC8, 0x4017, 8 * MiB)]
        [DataRow("SST25VF040B", 0xBF, 0x258D, 512 * KiB)]
        [DataRow("W25Q256JV", 0xEF, 0x4019, 32 * MiB)]
        [DataRow("MX25L25635F", 0xC2, 0x2019, 32 * MiB)]
        [DataRow("W25Q32FV", 0xEF, 0x4016, 4 * MiB)]
        [DataRow("EN25QH64", 0x1C, 0x7017, 8 * MiB)]
        [DataRow("MX25L12835F", 0xC2, 0x2018, 16 * MiB)]
        public void Emulated_parts_are_found_by_id_and_name_with_their_size(string name, int manufacturer, int device, long size)
        {
            ChipDefinition? byName = ChipDatabase.Default.FindByName(name);
            IReadOnlyList<ChipDefinition> byId = ChipDatabase.Default.FindByJedecId((byte)manufacturer, (ushort)device);

            Assert.IsNotNull(byName);
            Assert.AreEqual(size, byName.Size);
            Assert.AreEqual((byte)manufacturer, byName.ManufacturerId);
            Assert.AreEqual((ushort)device, byName.DeviceId);
            CollectionAssert.Contains(byId.ToArray(), byName);
        }

        [TestMethod]
        [DataRow("W25Q64FV", "4096:20 32768:52 65536:D8", "C7")]
        [DataRow("MX25L6406E", "4096:20 65536:D8", "C7")]
        [DataRow("EN25QH64", "4096:20 65536:D8", "C7")]
        [DataRow("SST25VF040B", "4096:20 32768:52 65536:D8", "C7")]
        [DataRow("MX25L25635F", "4096:20/21 32768:52/5C 65536:D8/DC", "C7")]
        [DataRow("W25Q256JV", "4096:20/21 32768:52 65536:D8/DC", "C7")]
        public void Emulated_parts_have_their_erase_opcodes(string name, string layout, string chipErase)
        {
            ChipDefinition chip = ChipDatabase.Default.FindByName(name)!;

            string actual = string.Join(' ', chip.EraseBlocks.Select(block => $"{block.Size}:{block.Opcode:X2}" + (block.Opcode4Byte is byte four ? $"/{four:X2}" : "")));
            Assert.AreEqual(layout, actual);
            Assert.AreEqual(chipErase, $"{chip.ChipEraseOpcode:X2}");
        }

        [TestMethod]
        public void Sst25vf040b_writes_by_aai_and_single_bytes_after_ewsr()
        {
            ChipDefinition chip = ChipDatabase.Default.FindByName("SST25VF040B")!;

            Assert.IsTrue(chip.SstAai);
            Assert.IsTrue(chip.ByteProgramOnly);
            Assert.IsTrue(chip.NeedsEwsr);
            Assert.AreEqual(TimeSpan.FromMicroseconds(10), chip.Timings.PageProgramMax);
        }

        [TestMethod]
        [DataRow("W25Q256JV")]
        [DataRow("MX25L25635F")]
        public void Parts_past_16_MiB_have_4_byte_erase_opcodes(string name)
        {
            ChipDefinition chip = ChipDatabase.Default.FindByName(name)!;

            Assert.AreEqual(FourByteAddressing.FourByteOpcodes, chip.FourByteAddressing);
            Assert.AreEqual((byte)0x21, chip.EraseBlocks.Single(block => block.Size == 4 * KiB).Opcode4Byte);
            Assert.AreEqual(SpiNorOpcodes.BlockErase64K4Byte, chip.EraseBlocks.Single(block => block.Size == 64 * KiB).Opcode4Byte);
        }

        [TestMethod]
        public void Every_part_larger_than_16_MiB_has_4_byte_addressing()
        {
            ChipDefinition[] large = ChipDatabase.Default.Chips.Where(chip => chip.Size > 16 * MiB).ToArray();

            Assert.IsNotEmpty(large);
            Assert.IsTrue(large.All(chip => chip.FourByteAddressing != FourByteAddressing.None));
        }

        [TestMethod]
        public void Shared_jedec_id_returns_every_part_with_it()
        {
            string[] names = ChipDatabase.Default.FindByJedecId(0xEF, 0x4017).Select(chip => chip.Name).ToArray();

            CollectionAssert.AreEquivalent(new[] { "W25Q64BV/W25Q64CV/W25Q64FV", "W25Q64JV-.Q" }, names);
        }

        [TestMethod]
        public void Unknown_jedec_id_returns_nothing()
        {
            Assert.IsEmpty(ChipDatabase.Default.FindByJedecId(0xEF, 0x1234));
        }

        [TestMethod]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV")]
        [DataRow("w25q64cv")]
        [DataRow(" W25Q64FV ")]
        public void Name_lookup_matches_a_whole_entry_name_or_one_part_ignoring_case(string name)
        {
            Assert.AreEqual("W25Q64BV/W25Q64CV/W25Q64FV", ChipDatabase.Default.FindByName(name)?.Name);
        }

        [TestMethod]
        [DataRow("W25Q64")]
        [DataRow("W25Q64CV/W25Q64FV")]
        [DataRow("")]
        public void Name_lookup_needs_an_exact_name(string name)
        {
            Assert.IsNull(ChipDatabase.Default.FindByName(name));
        }

        [TestMethod]
        public void Jedec_id_prints_as_three_hex_bytes()
        {
            Assert.AreEqual("1C 70 17", ChipDatabase.Default.FindByName("EN25QH64")!.JedecId);
        }
    }
}
