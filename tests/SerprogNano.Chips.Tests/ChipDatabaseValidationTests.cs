using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace SerprogNano.Chips.Tests
{
    [TestClass]
    public sealed class ChipDatabaseValidationTests
    {
        private const string ValidEntry = """
            {
              "name": "TEST25Q64", "vendor": "Winbond", "jedec": "EF 40 17", "size": 8388608, "pageSize": 256,
              "eraseBlocks": [{ "size": 4096, "opcode": "0x20" }, { "size": 65536, "opcode": "0xD8" }],
              "chipErase": "0xC7", "voltage": [2.7, 3.6], "statusRegisters": 2, "protectMask": "0x1C"
            }
            """;

        [TestMethod]
        public void Valid_entry_loads_with_generic_timings_where_none_are_given()
        {
            ChipDatabase database = Load(Entry());

            ChipDefinition chip = database.Chips[0];
            Assert.AreEqual("TEST25Q64", chip.Name);
            Assert.AreEqual((byte)0xEF, chip.ManufacturerId);
            Assert.AreEqual((ushort)0x4017, chip.DeviceId);
            Assert.AreEqual(SpiNorOpcodes.BlockErase64K, chip.EraseBlocks[1].Opcode);
            Assert.IsNull(chip.EraseBlocks[1].Opcode4Byte);
            Assert.AreEqual(GenericTimings.ForChip(chip.Size), chip.Timings);
            Assert.AreEqual(GenericTimings.ForEraseBlock(4096).Max, chip.EraseBlocks[0].MaxTime);
        }

        [TestMethod]
        [DataRow("size", "3145728", "size 3145728 is not a power of two")]
        [DataRow("pageSize", "0", "page size 0")]
        [DataRow("eraseBlocks", """[{ "size": 49152, "opcode": "0x20" }]""", "erase block size 49152 does not divide")]
        [DataRow("eraseBlocks", """[{ "size": 65536, "opcode": "0xD8" }, { "size": 4096, "opcode": "0x20" }]""", "smallest first")]
        [DataRow("eraseBlocks", """[{ "size": 4096, "opcode": "0xZZ" }]""", "eraseBlocks[0].opcode \"0xZZ\" is not a hex byte")]
        [DataRow("jedec", "\"EF 40\"", "three hex bytes")]
        [DataRow("voltage", "[3.6, 2.7]", "voltage range")]
        [DataRow("statusRegisters", "4", "status register count 4")]
        [DataRow("protectMask", "\"0x1D\"", "WIP or WEL")]
        [DataRow("size", "33554432", "larger than 16 MiB but has no 4-byte addressing")]
        [DataRow("pageProgramMs", "[3, 0.4]", "pageProgramMs must be [typical, max]")]
        public void Inconsistent_entry_is_rejected_naming_the_entry(string field, string json, string problem)
        {
            JsonObject entry = Entry();
            entry[field] = JsonNode.Parse(json);

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, "TEST25Q64");
            StringAssert.Contains(error.Message, problem);
        }

        [TestMethod]
        public void Missing_field_is_named()
        {
            JsonObject entry = Entry();
            entry.Remove("jedec");

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, "\"TEST25Q64\": jedec is missing");
        }

        [TestMethod]
        public void Name_used_twice_is_rejected_even_as_part_of_a_slash_name()
        {
            JsonObject first = Entry();
            JsonObject second = Entry();
            second["name"] = "TEST25Q64BV/TEST25Q64";

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(first, second));

            StringAssert.Contains(error.Message, "name \"TEST25Q64\" is already used");
        }

        [TestMethod]
        public void Flashrom_shorthands_in_a_name_give_every_part_they_stand_for()
        {
            JsonObject entry = Entry();
            entry["name"] = "TEST25Q64(A/B)/TEST25Q65E/F";

            ChipDefinition chip = Load(entry).Chips[0];

            CollectionAssert.AreEqual(
                new[] { "TEST25Q64(A/B)/TEST25Q65E/F", "TEST25Q64(A/B)/TEST25Q65E", "TEST25Q64(A/B)", "TEST25Q64", "TEST25Q64A", "TEST25Q64B", "TEST25Q65E", "TEST25Q65F" },
                chip.Names.ToArray());
        }

        [TestMethod]
        [DataRow("TEST25Q64(A/B")]
        [DataRow("TEST25Q64(A)(B)")]
        [DataRow("TEST25(Q)64")]
        public void Parentheses_other_than_one_closing_group_are_rejected(string name)
        {
            JsonObject entry = Entry();
            entry["name"] = name;

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, "must be a plain name or end in one \"(A/B)\" group");
        }

        [TestMethod]
        [DataRow("""[{ "opcode": "0xD8", "regions": [[4096, 2], [8192, 1], [16384, 1], [32768, 1], [65536, 126]] }]""", "covers 8323072 bytes, not the chip's 8388608")]
        [DataRow("""[{ "opcode": "0xD8", "regions": [[4096, 1], [8192, 1]] }]""", "are not power-of-two blocks aligned to their size")]
        [DataRow("""[{ "opcode": "0x99", "regions": [[65536, 128]] }]""", "is not a block erase opcode")]
        public void Non_uniform_layout_must_tile_the_chip_with_an_erase_opcode(string regions, string problem)
        {
            JsonObject entry = Entry();
            entry["eraseRegions"] = JsonNode.Parse(regions);

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, problem);
        }

        [TestMethod]
        public void Boot_sector_part_loads_and_is_never_written()
        {
            JsonObject entry = Entry();
            entry["eraseBlocks"] = new JsonArray();
            entry["eraseRegions"] = JsonNode.Parse("""[{ "opcode": "0xD8", "regions": [[4096, 2], [8192, 1], [16384, 1], [32768, 1], [65536, 127]] }]""");

            ChipDefinition chip = Load(entry).Chips[0];

            Assert.AreEqual(5, chip.NonUniformErase[0].Regions.Count);
            StringAssert.Contains(chip.ChangeRefusal, "boot sectors");
        }

        [TestMethod]
        [DataRow("eraseBlocks", """[{ "size": 4096, "opcode": "0x99" }]""", "erase opcode 0x99 (4096 bytes) is not a block erase opcode")]
        [DataRow("eraseBlocks", """[{ "size": 4096, "opcode": "0x20", "opcode4Byte": "0xDC" }]""", "0xDC is not the 4-byte form of 0x20")]
        [DataRow("chipErase", "\"0xD8\"", "chip erase opcode 0xD8 is not a chip erase opcode")]
        [DataRow("aai", "true", "has AAI word program but not byte program")]
        [DataRow("tested", "\"WP\"", "tested \"WP\" must be letters of \"PREW\" in that order")]
        public void Opcodes_and_flashrom_status_must_be_consistent(string field, string json, string problem)
        {
            JsonObject entry = Entry();
            entry[field] = JsonNode.Parse(json);

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, problem);
        }

        [TestMethod]
        [DataRow("Rems", "BF 44", "REMS BF 44", 0xBF, 0x44)]
        [DataRow("Res1", "13", "RES 13", 0x00, 0x13)]
        [DataRow("Rdid4", "7F 37 20 15", "RDID 7F 37 20 15", 0x7F, 0x3720)]
        public void Part_with_another_id_command_keeps_its_answer_and_is_not_found_by_rdid(string probe, string id, string shown, int manufacturer, int device)
        {
            JsonObject entry = Entry();
            entry.Remove("jedec");
            entry["probe"] = probe;
            entry["id"] = id;

            ChipDatabase database = Load(entry);

            ChipDefinition chip = database.Chips[0];
            Assert.AreEqual(shown, chip.JedecId);
            Assert.AreEqual((byte)manufacturer, chip.ManufacturerId);
            Assert.AreEqual((ushort)device, chip.DeviceId);
            Assert.IsEmpty(database.FindByJedecId(chip.ManufacturerId, chip.DeviceId));
        }

        [TestMethod]
        [DataRow("Rems", "BF 44 01", "must be 2 hex byte(s)")]
        [DataRow("Rdid", "EF 40", "three hex bytes")]
        public void Id_of_the_wrong_length_for_its_command_is_rejected(string probe, string id, string problem)
        {
            JsonObject entry = Entry();
            entry["probe"] = probe;
            entry[probe == "Rdid" ? "jedec" : "id"] = id;
            if (probe != "Rdid")
            {
                entry.Remove("jedec");
            }

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, problem);
        }

        [TestMethod]
        public void Spaces_around_a_slash_are_rejected()
        {
            JsonObject entry = Entry();
            entry["name"] = "TEST25Q64BV / TEST25Q64";

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, "has spaces around it");
        }

        [TestMethod]
        public void Misspelt_field_is_rejected_instead_of_ignored()
        {
            JsonObject entry = Entry();
            entry["aii"] = true;

            Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));
        }

        [TestMethod]
        public void Text_that_is_not_json_is_rejected()
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes("chips: none"));

            Assert.ThrowsExactly<ChipDatabaseException>(() => ChipDatabase.Load(stream));
        }

        private static JsonObject Entry()
        {
            return JsonNode.Parse(ValidEntry)!.AsObject();
        }

        private static ChipDatabase Load(params JsonObject[] entries)
        {
            var chips = new JsonArray();
            foreach (JsonObject entry in entries)
            {
                chips.Add(entry);
            }

            var file = new JsonObject { ["chips"] = chips };
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString()));
            return ChipDatabase.Load(stream);
        }
    }
}
