using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SerprogNano.Chips.Protection;

namespace SerprogNano.Chips.Tests.Protection
{
    /// <summary>
    /// Status register values decoded to ranges, worked out by hand from the datasheets' protection tables
    /// and flashrom's decode_range_spi25 / decode_range_spi25_bit_cmp (writeprotect_ranges.c).
    /// </summary>
    [TestClass]
    public sealed class ProtectionRangeDecoderTests
    {
        private const long MiB = 1024 * 1024;

        [TestMethod]
        // W25Q64FV (8 MiB, BP0-2, TB, SEC, CMP): BP=1 is the top 1/64, blocks of 128 KiB.
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x00, 0x00, 0L, 0L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x04, 0x00, 0x7E0000L, 0x20000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x24, 0x00, 0L, 0x20000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x18, 0x00, 0x400000L, 0x400000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x1C, 0x00, 0L, 0x800000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x44, 0x00, 0x7FF000L, 0x1000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x54, 0x00, 0x7F8000L, 0x8000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x64, 0x00, 0L, 0x1000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x04, 0x40, 0L, 0x7E0000L)]
        [DataRow("W25Q64BV/W25Q64CV/W25Q64FV", 0x00, 0x40, 0L, 0x800000L)]
        [DataRow("GD25Q64(B)/GD25Q64C", 0x08, 0x00, 0x7C0000L, 0x40000L)]
        // W25Q128FV (16 MiB): the block grows to 256 KiB so BP=6 covers half the chip.
        [DataRow("W25Q128.V/W25Q128BV/W25Q128FV/W25Q128JV", 0x04, 0x00, 0xFC0000L, 0x40000L)]
        // W25Q256JV (32 MiB, BP0-3, TB at bit 6): 64 KiB blocks, BP=8 the top quarter.
        [DataRow("W25Q256JV_Q/W25Q256JV", 0x04, 0x00, 0x1FF0000L, 0x10000L)]
        [DataRow("W25Q256JV_Q/W25Q256JV", 0x20, 0x00, 0x1800000L, 0x800000L)]
        [DataRow("W25Q256JV_Q/W25Q256JV", 0x44, 0x00, 0L, 0x10000L)]
        [DataRow("W25Q256JV_Q/W25Q256JV", 0x3C, 0x00, 0L, 0x2000000L)]
        // MX25L6406E: the datasheet's BP3 acts as CMP and also inverts BP0-2 (flashrom's bit_cmp decode).
        [DataRow("MX25L6406E/MX25L6408E", 0x04, 0x00, 0x7E0000L, 0x20000L)]
        [DataRow("MX25L6406E/MX25L6408E", 0x24, 0x00, 0L, 0x400000L)]
        [DataRow("MX25L6406E/MX25L6408E", 0x38, 0x00, 0L, 0x7E0000L)]
        [DataRow("MX25L6406E/MX25L6408E", 0x20, 0x00, 0L, 0L)]
        [DataRow("MX25L6406E/MX25L6408E", 0x3C, 0x00, 0L, 0x800000L)]
        public void Status_values_decode_to_the_datasheet_range(string chip, int status1, int status2, long start, long length)
        {
            ChipDefinition definition = ChipDatabase.Default.FindByName(chip)!;
            WriteProtectLayout layout = definition.WriteProtect!;
            byte[] status = [(byte)status1, (byte)status2, 0];

            ProtectedRange range = ProtectionRangeDecoder.Decode(layout, ProtectionBits.Read(layout, status), definition.Size);

            Assert.AreEqual(new ProtectedRange(start, length), range, chip + " SR1=0x" + status1.ToString("X2") + " SR2=0x" + status2.ToString("X2"));
        }

        [TestMethod]
        public void Winbond_gigadevice_and_macronix_parts_have_layouts_and_others_do_not()
        {
            ChipDefinition[] covered = ChipDatabase.Default.Chips.Where(chip => chip.WriteProtect != null).ToArray();

            foreach (string vendor in new[] { "Winbond", "GigaDevice", "Macronix" })
            {
                Assert.IsTrue(covered.Any(chip => chip.Vendor == vendor), vendor + " has parts with a protection layout");
            }

            Assert.IsNull(ChipDatabase.Default.FindByName("EN25QH64")!.WriteProtect, "a part flashrom has no layout for stays unknown");
            Assert.IsNull(ChipDatabase.Default.FindByName("SST25VF040B")!.WriteProtect);
            Assert.IsTrue(ChipDatabase.Default.FindByName("SST25VF040B")!.UnprotectedBeforeChange, "flashrom unprotects SST25VF040B by itself");
        }

        [TestMethod]
        public void Every_covered_part_lists_distinct_ranges_from_none_to_all_smallest_first()
        {
            foreach (ChipDefinition chip in ChipDatabase.Default.Chips.Where(chip => chip.WriteProtect != null))
            {
                IReadOnlyList<(ProtectedRange Range, ProtectionBits Bits)> ranges = AvailableRanges.Of(chip.WriteProtect!, default, chip.Size);

                Assert.AreEqual(ProtectedRange.None, ranges[0].Range, chip.Name);
                Assert.AreEqual(new ProtectedRange(0, chip.Size), ranges[^1].Range, chip.Name);
                Assert.AreEqual(ranges.Count, ranges.Select(r => r.Range).Distinct().Count(), chip.Name + ": no range twice");
                for (int i = 1; i < ranges.Count; i++)
                {
                    Assert.IsTrue(ranges[i - 1].Range.Length <= ranges[i].Range.Length, chip.Name + ": sorted by length");
                    Assert.AreEqual(ranges[i].Range, ProtectionRangeDecoder.Decode(chip.WriteProtect!, ranges[i].Bits, chip.Size), chip.Name + ": the bits listed give the range");
                }
            }
        }

        [TestMethod]
        public void Flashroms_choice_of_bits_for_a_range_is_the_first_in_its_order()
        {
            WriteProtectLayout layout = ChipDatabase.Default.FindByName("W25Q64FV")!.WriteProtect!;

            // (none) has many encodings; flashrom sorts CMP, SEC, TB, then BP from the top bit, all zero first.
            Assert.AreEqual(new ProtectionBits(0, false, false, false, false, false), AvailableRanges.Find(layout, default, 8 * MiB, ProtectedRange.None));

            // (all): BP=7 without CMP comes before CMP=1 with BP=0.
            Assert.AreEqual(new ProtectionBits(7, false, false, false, false, false), AvailableRanges.Find(layout, default, 8 * MiB, new ProtectedRange(0, 8 * MiB)));

            // SRP and SRL are kept as they are.
            ProtectionBits hardware = new(0, false, false, false, true, false);
            Assert.AreEqual(hardware with { BlockProtect = 1 }, AvailableRanges.Find(layout, hardware, 8 * MiB, new ProtectedRange(0x7E0000, 0x20000)));
            Assert.IsNull(AvailableRanges.Find(layout, default, 8 * MiB, new ProtectedRange(0, 0x10000)), "64 KiB is no W25Q64FV range");
        }

        [TestMethod]
        public void Ranges_are_described_in_flashroms_words()
        {
            Assert.AreEqual("start=0x00000000 length=0x00000000 (none)", ProtectedRange.None.Describe(8 * MiB));
            Assert.AreEqual("start=0x007e0000 length=0x00020000 (upper 1/64)", new ProtectedRange(0x7E0000, 0x20000).Describe(8 * MiB));
            Assert.AreEqual("start=0x00000000 length=0x007e0000 (lower 63/64)", new ProtectedRange(0, 0x7E0000).Describe(8 * MiB));
            Assert.AreEqual("start=0x00000000 length=0x00800000 (all)", new ProtectedRange(0, 8 * MiB).Describe(8 * MiB));
        }

        [TestMethod]
        [DataRow("\"bp\": [\"SR1.2\", \"SR1.3\", \"SR1.4\"], \"srp\": \"SR4.7\", \"chips\": [\"TEST25Q64\"]", "SR<register 1-3>.<bit 0-7>")]
        [DataRow("\"bp\": [\"SR1.2\", \"SR1.3\", \"SR1.4\"], \"chips\": [\"NOPE\"]", "no chip is called \"NOPE\"")]
        [DataRow("\"bp\": [\"SR1.2\", \"SR1.3\", \"SR1.2\"], \"chips\": [\"TEST25Q64\"]", "SR1.2 is used twice")]
        [DataRow("\"bp\": [\"SR1.1\", \"SR1.3\", \"SR1.4\"], \"chips\": [\"TEST25Q64\"]", "WIP or WEL")]
        [DataRow("\"bp\": [\"SR1.2\", \"SR1.3\", \"SR1.4\"], \"cmp\": \"SR3.6\", \"chips\": [\"TEST25Q64\"]", "has 2 status register(s)")]
        public void A_bad_layout_is_refused_naming_it(string fields, string problem)
        {
            string json = "{\"writeProtect\": {\"layouts\": [{\"name\": \"test-layout\", \"decode\": \"Spi25\", " + fields + "}]}, \"chips\": [" + """
                {"name": "TEST25Q64", "vendor": "Winbond", "jedec": "EF 40 17", "size": 8388608, "pageSize": 256,
                 "eraseBlocks": [{ "size": 4096, "opcode": "0x20" }], "chipErase": "0xC7", "voltage": [2.7, 3.6], "statusRegisters": 2, "protectMask": "0x1C"}
                """ + "]}";

            ChipDatabaseException error = Assert.ThrowsExactly<ChipDatabaseException>(() => ChipDatabase.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

            StringAssert.Contains(error.Message, "test-layout");
            StringAssert.Contains(error.Message, problem);
        }
    }
}
