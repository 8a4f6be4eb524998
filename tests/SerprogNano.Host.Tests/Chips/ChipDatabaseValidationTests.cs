using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using SerprogNano.Chips;

namespace SerprogNano.Host.Tests.Chips
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
        public void Parenthesised_alternatives_must_be_spelled_out()
        {
            JsonObject entry = Entry();
            entry["name"] = "TEST25Q64(A/B)";

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => Load(entry));

            StringAssert.Contains(error.Message, "unbalanced parentheses");
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
