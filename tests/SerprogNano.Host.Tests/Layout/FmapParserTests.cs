using System;
using System.Linq;
using System.Text;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Remedies;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Layout
{
    [TestClass]
    public sealed class FmapParserTests
    {
        private const int EightMiB = 8 << 20;

        private static FmapImage Chromebook() => new FmapImage { Base = 0xFF800000, Name = "FLASH" }
            .Area(0x0, 0x400000, "WP_RO", 0)
            .Area(0x0, 0x200000, "RO_SECTION", 4)
            .Area(0x400000, 0x400000, "RW_SECTION_A")
            .Area(0x7FF000, 0x1000, "RW_VPD", 8)
            .Area(0x500000, 0, "RW_EMPTY");

        [TestMethod]
        public void Header_and_areas_are_read_as_stored()
        {
            Fmap fmap = FmapParser.FindOnChip(Chromebook().OnChip(EightMiB, 0x200000));

            Assert.AreEqual(0x200000L, fmap.Location);
            Assert.AreEqual((1, 1), (fmap.VersionMajor, fmap.VersionMinor));
            Assert.AreEqual(0xFF800000UL, fmap.Base);
            Assert.AreEqual((uint)EightMiB, fmap.Size);
            Assert.AreEqual("FLASH", fmap.Name);
            Assert.AreEqual(new FmapArea(3, 0x7FF000, 0x1000, "RW_VPD", FmapAreaFlags.Preserve), fmap.Areas[3]);
            Assert.AreEqual(FmapAreaFlags.ReadOnly, fmap.Areas[1].Flags);
        }

        [TestMethod]
        public void Layout_keeps_nested_areas_and_drops_empty_ones_as_flashrom_does()
        {
            FlashLayout layout = FmapParser.FindOnChip(Chromebook().OnChip(EightMiB, 0x200000)).ToLayout();

            CollectionAssert.AreEqual(new[] { "WP_RO", "RO_SECTION", "RW_SECTION_A", "RW_VPD" }, layout.Names.ToArray());
            Assert.AreEqual("RW_VPD [0x007FF000-0x007FFFFF]", layout.Find("RW_VPD").ToString());
            StringAssert.Contains(layout.Find("RW_VPD").Origin, "FMAP area 3 at 0x200000");
        }

        [TestMethod]
        public void Chip_search_prefers_aligned_offsets_and_file_search_takes_the_first()
        {
            byte[] chip = Chromebook().OnChip(EightMiB, 0x400000);
            new FmapImage { Name = "EARLY" }.Area(0, 0x1000, "A").PlaceAt(chip, 0x1001);

            Assert.AreEqual(0x400000L, FmapParser.FindOnChip(chip).Location, "the 4 MiB-aligned map is found before any byte-by-byte search");
            Assert.AreEqual("EARLY", FmapParser.FindInFile(chip).Name);
        }

        [TestMethod]
        public void Unaligned_map_is_found_by_the_byte_by_byte_fallback()
        {
            Fmap fmap = FmapParser.FindOnChip(Chromebook().OnChip(EightMiB, 0x123457));

            Assert.AreEqual(0x123457L, fmap.Location);
        }

        [TestMethod]
        public void Signature_without_a_valid_header_is_skipped_for_the_real_map()
        {
            byte[] chip = Chromebook().OnChip(EightMiB, 0x310000);
            Encoding.ASCII.GetBytes("__FMAP__ is the signature").CopyTo(chip, 0x100000);

            Assert.AreEqual(0x310000L, FmapParser.FindOnChip(chip).Location);
        }

        [TestMethod]
        public void Image_without_fmap_says_so_and_what_to_use_instead()
        {
            byte[] chip = new byte[EightMiB];
            chip.AsSpan().Fill(0xFF);

            var error = Assert.ThrowsExactly<LayoutException>(() => FmapParser.FindOnChip(chip));

            Assert.AreEqual(
                "No FMAP: the signature __FMAP__ is nowhere in the 8388608 bytes. This image has no flashmap (most coreboot images for Intel boards rely on the descriptor).",
                error.Message);
            CollectionAssert.Contains(error.Remedies.ToList(), Remedy.UseDescriptorOrLayoutFile);
        }

        [TestMethod]
        [DataRow("version", "at 0x10000: version 2.0, not 1.x")]
        [DataRow("size", "at 0x10000: size 0x64 is smaller than the map itself (5 areas, 266 bytes)")]
        [DataRow("name", "at 0x10000: its name is not a printable word ending in NUL within 32 bytes")]
        public void Damaged_header_is_reported_with_what_is_wrong(string damage, string message)
        {
            FmapImage map = Chromebook();
            switch (damage)
            {
                case "version": map.Major = 2; map.Minor = 0; break;
                case "size": map.Size = 100; break;
                default: map.Name = "MY FLASH"; break;
            }

            var error = Assert.ThrowsExactly<LayoutException>(() => FmapParser.FindOnChip(map.OnChip(EightMiB, 0x10000)));

            StringAssert.StartsWith(error.Message, "The FMAP is damaged");
            StringAssert.Contains(error.Message, message);
        }

        [TestMethod]
        public void Area_table_past_the_end_is_damaged()
        {
            var map = new FmapImage { AreaCount = 1000, Size = 0x100000 }.Area(0, 0x1000, "A");
            byte[] chip = map.OnChip(0x8000, 0x7000);

            var error = Assert.ThrowsExactly<LayoutException>(() => FmapParser.FindOnChip(chip));

            StringAssert.Contains(error.Message, "The FMAP at 0x7000 is damaged: it lists 1000 areas");
        }
    }
}
