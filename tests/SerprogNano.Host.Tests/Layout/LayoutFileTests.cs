using System.Linq;
using SerprogNano.Host.Layout;

namespace SerprogNano.Host.Tests.Layout
{
    [TestClass]
    public sealed class LayoutFileTests
    {
        [TestMethod]
        public void Hex_with_or_without_0x_in_either_case_and_any_whitespace_is_read()
        {
            string text = "00000000:00000fff fd\r\n\r\n  0x1000:0X2FFF\tgbe\n\n\t00003000:002FFFFF    me\n300000:7fffff bios";

            FlashLayout layout = LayoutFile.Parse(text, "x200.layout");

            CollectionAssert.AreEqual(
                new[] { "fd [0x00000000-0x00000FFF]", "gbe [0x00001000-0x00002FFF]", "me [0x00003000-0x002FFFFF]", "bios [0x00300000-0x007FFFFF]" },
                layout.Regions.Select(region => region.ToString()).ToArray());
            Assert.AreEqual("x200.layout line 6", layout.Find("bios").Origin);
        }

        [TestMethod]
        public void A_name_on_the_next_line_belongs_to_the_range_as_flashroms_fscanf_reads_it()
        {
            FlashLayout layout = LayoutFile.Parse("0:fff\nfd\n", "split.layout");

            Assert.AreEqual(0xFFFL, layout.Find("fd").End);
        }

        [TestMethod]
        public void Format_writes_what_parse_reads()
        {
            FlashLayout layout = LayoutFile.Parse("0:fff fd\n1000:2fff gbe\n", "a");

            Assert.AreEqual("00000000:00000fff fd\n00001000:00002fff gbe\n", LayoutFile.Format(layout));
        }

        [TestMethod]
        [DataRow("0:fff fd\n# the rest\n", "a.layout line 2: flashrom layout files have no comments")]
        [DataRow("0:fff fd\n1000-1fff gbe\n", "a.layout line 2: '1000-1fff' is not a range")]
        [DataRow("0:fff fd\n1000:1fffh gbe\n", "a.layout line 2: '1fffh' in '1000:1fffh' is not a hex address")]
        [DataRow("0:fff fd\n:1fff gbe\n", "a.layout line 2: '' in ':1fff' is not a hex address")]
        [DataRow("0:fff fd\n\n1000:1fff\n", "a.layout line 3: range '1000:1fff' has no region name")]
        [DataRow("0:1fffffffff big\n", "a.layout line 1: address '1fffffffff' is beyond 0xFFFFFFFF")]
        [DataRow("\n\n   \n", "Layout file a.layout has no regions")]
        [DataRow("0:fff fd\n2000:1fff gbe\n", "Region 'gbe' (a.layout line 2) starts at 0x00002000, after its end 0x00001FFF")]
        [DataRow("0:fff fd\n1000:1fff fd\n", "region name 'fd' is used twice ([0x00000000-0x00000FFF], a.layout line 1 and [0x00001000-0x00001FFF], a.layout line 2)")]
        public void Bad_lines_are_refused_with_their_line_number(string text, string message)
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => LayoutFile.Parse(text, "a.layout"));

            StringAssert.Contains(error.Message, message);
        }

        [TestMethod]
        public void Name_longer_than_flashrom_reads_is_refused()
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => LayoutFile.Parse("0:fff " + new string('n', 256), "a.layout"));

            StringAssert.Contains(error.Message, "a.layout line 1: region name is 256 characters; flashrom reads at most 255");
        }

        [TestMethod]
        public void Missing_file_says_which()
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => LayoutFile.Load("/nonexistent/board.layout"));

            StringAssert.Contains(error.Message, "Layout file /nonexistent/board.layout does not exist");
        }
    }
}
