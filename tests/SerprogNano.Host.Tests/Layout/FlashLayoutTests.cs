using System.Linq;
using SerprogNano.Host.Layout;

namespace SerprogNano.Host.Tests.Layout
{
    [TestClass]
    public sealed class FlashLayoutTests
    {
        private const long EightMiB = 8 << 20;

        private static FlashLayout Canoeboot() => new(
            [new FlashRegion("fd", 0x0, 0xFFF), new FlashRegion("gbe", 0x1000, 0x2FFF), new FlashRegion("me", 0x3000, 0x2FFFFF), new FlashRegion("bios", 0x300000, 0x7FFFFF)],
            "layout file x230.layout");

        [TestMethod]
        public void Regions_are_inclusive_at_both_ends()
        {
            var region = new FlashRegion("gbe", 0x1000, 0x2FFF);

            Assert.AreEqual(0x2000L, region.Size);
            Assert.IsTrue(region.Overlaps(new FlashRegion("x", 0x2FFF, 0x2FFF)));
            Assert.IsFalse(region.Overlaps(new FlashRegion("y", 0x3000, 0x3FFF)));
            Assert.AreEqual(1L, new FlashRegion("one", 5, 5).Size);
        }

        [TestMethod]
        public void Include_returns_the_named_regions_in_the_order_given()
        {
            var included = Canoeboot().Include(["bios", "gbe"], EightMiB);

            CollectionAssert.AreEqual(new[] { "bios", "gbe" }, included.Select(region => region.Name).ToArray());
        }

        [TestMethod]
        public void Unknown_region_name_lists_the_names_that_exist()
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => Canoeboot().Include(["BIOS"], EightMiB));

            Assert.AreEqual(
                "There is no region 'BIOS' in layout file x230.layout. The regions are: fd, gbe, me, bios. Names are case-sensitive.",
                error.Message);
        }

        [TestMethod]
        public void Overlapping_included_regions_are_refused_naming_both()
        {
            var layout = new FlashLayout([new FlashRegion("RW_SECTION_A", 0x0, 0xFFFF), new FlashRegion("FW_MAIN_A", 0x8000, 0xFFFF), new FlashRegion("RO", 0x10000, 0x1FFFF)], "the FMAP at 0x0");

            var error = Assert.ThrowsExactly<LayoutException>(() => layout.Include(["RW_SECTION_A", "RO", "FW_MAIN_A"], EightMiB));

            StringAssert.Contains(error.Message, "'RW_SECTION_A' [0x00000000-0x0000FFFF] and 'FW_MAIN_A' [0x00008000-0x0000FFFF] overlap");
            StringAssert.Contains(error.Message, "Include only one of them");
            Assert.HasCount(2, layout.Include(["FW_MAIN_A", "RO"], EightMiB), "nested regions are fine when not included together");
        }

        [TestMethod]
        public void Included_region_beyond_the_chip_is_refused_with_the_chip_end()
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => Canoeboot().Include(["fd", "bios"], 4 << 20));

            StringAssert.Contains(error.Message, "Region 'bios' [0x00300000-0x007FFFFF]");
            StringAssert.Contains(error.Message, "ends beyond the chip");
            StringAssert.Contains(error.Message, "ends at 0x003FFFFF");
            Assert.ThrowsExactly<LayoutException>(() => Canoeboot().CheckFits(4 << 20));
            Canoeboot().CheckFits(EightMiB);
            Assert.HasCount(1, Canoeboot().Include(["gbe"], 4 << 20), "as in flashrom, only included regions must be on the chip");
        }

        [TestMethod]
        public void Region_starting_after_its_end_is_refused()
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => new FlashRegion("bios", 0x3000, 0x2FFF, "a.layout line 2"));

            Assert.AreEqual(
                "Region 'bios' (a.layout line 2) starts at 0x00003000, after its end 0x00002FFF; the end is the last byte of the region (inclusive), so it must not be below the start.",
                error.Message);
        }

        [TestMethod]
        public void Duplicate_names_are_refused_with_both_origins()
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => new FlashLayout(
                [new FlashRegion("bios", 0, 0xFFF, "a.layout line 1"), new FlashRegion("bios", 0x1000, 0x1FFF, "a.layout line 4")],
                "layout file a.layout"));

            StringAssert.Contains(error.Message, "region name 'bios' is used twice ([0x00000000-0x00000FFF], a.layout line 1 and [0x00001000-0x00001FFF], a.layout line 4)");
        }

        [TestMethod]
        public void Same_region_included_twice_is_refused()
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => Canoeboot().Include(["gbe", "gbe"], EightMiB));

            StringAssert.Contains(error.Message, "'gbe' is included twice");
        }
    }
}
