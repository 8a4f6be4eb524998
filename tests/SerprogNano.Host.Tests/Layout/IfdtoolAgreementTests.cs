using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SerprogNano.Host.Layout;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Layout
{
    /// <summary>Our descriptor parser against coreboot's ifdtool reading and writing the same images.</summary>
    [TestClass]
    public sealed partial class IfdtoolAgreementTests
    {
        [TestMethod]
        public void Ifdtool_dump_of_a_canoeboot_like_ich9_image_agrees_with_our_parse()
        {
            using var tools = new CorebootUtils();
            byte[] image = IntelDescriptorParserTests.CanoebootLike().ToBytes();

            IfdtoolDump dump = Dump(tools, image, platform: null);
            IntelDescriptor ours = IntelDescriptorParser.Parse(image);

            Assert.AreEqual(dump.Flmap0, ours.Map.Flmap0);
            Assert.AreEqual(dump.Nr, ours.Map.Nr);
            Assert.AreEqual(dump.Frba, ours.Map.RegionSectionOffset);
            AssertSameRegions(dump, ours);
            CollectionAssert.AreEquivalent(new[] { 0, 1, 2, 3, 4 }, dump.Regions.Keys.ToArray(), "ifdtool's IFD v1 has 5 regions, as NR says");
        }

        [TestMethod]
        [DataRow("sklkbl")]
        [DataRow("cnl")]
        public void Ifdtool_dump_of_an_ifd_v2_image_with_an_ec_region_agrees_with_our_parse(string platform)
        {
            using var tools = new CorebootUtils();
            DescriptorImage builder = IntelDescriptorParserTests.WithEcRegion(platform == "cnl" ? DescriptorImage.CannonPoint() : DescriptorImage.SunrisePoint());
            byte[] image = builder.ToBytes();

            IfdtoolDump dump = Dump(tools, image, platform);
            IntelDescriptor ours = IntelDescriptorParser.Parse(image);

            Assert.AreEqual(2, ours.Generation.Version);
            AssertSameRegions(dump, ours);
            Assert.AreEqual(new IfdtoolRegion(0x3F0000, 0x3FFFFF, Unused: false, Flreg: builder.Flreg(8)), dump.Regions[8], "ifdtool sees the EC region too");
            CollectionAssert.AreEqual(new[] { "fd", "bios", "me", "ec" }, ours.ToLayout().Names.ToArray());
        }

        [TestMethod]
        public void Regions_ifdtool_writes_from_a_layout_file_are_the_regions_we_read()
        {
            using var tools = new CorebootUtils();
            string original = tools.PathOf("x200.bin");
            File.WriteAllBytes(original, IntelDescriptorParserTests.CanoebootLike().ToBytes());
            string layoutPath = tools.PathOf("new.layout");
            File.WriteAllText(layoutPath, "00000000:00000fff fd\n00600000:007fffff bios\n00003000:005fffff me\n00001000:00002fff gbe\n");

            tools.Run("ifdtool", $"-n \"{layoutPath}\" \"{original}\"");
            FlashLayout ours = IntelDescriptorParser.Parse(File.ReadAllBytes(original + ".new")).ToLayout();

            CollectionAssert.AreEqual(
                new[] { "fd [0x00000000-0x00000FFF]", "bios [0x00600000-0x007FFFFF]", "me [0x00003000-0x005FFFFF]", "gbe [0x00001000-0x00002FFF]" },
                ours.Regions.Select(region => region.ToString()).ToArray());
        }

        [TestMethod]
        public void Layout_file_ifdtool_exports_reads_as_the_descriptor_layout()
        {
            using var tools = new CorebootUtils();
            string imagePath = tools.PathOf("x200.bin");
            byte[] image = IntelDescriptorParserTests.CanoebootLike().ToBytes();
            File.WriteAllBytes(imagePath, image);
            string layoutPath = tools.PathOf("x200.layout");

            tools.Run("ifdtool", $"-f \"{layoutPath}\" \"{imagePath}\"");
            FlashLayout fromFile = LayoutFile.Load(layoutPath);
            FlashLayout fromDescriptor = IntelDescriptorParser.Parse(image).ToLayout();

            CollectionAssert.AreEquivalent(
                fromDescriptor.Regions.Select(region => region.ToString()).ToArray(),
                fromFile.Regions.Select(region => region.ToString()).ToArray());
        }

        private static void AssertSameRegions(IfdtoolDump dump, IntelDescriptor ours)
        {
            Assert.IsNotEmpty(dump.Regions, "ifdtool printed no region section:\n" + dump.Output);
            foreach ((int index, IfdtoolRegion theirs) in dump.Regions)
            {
                IntelDescriptorRegion region = ours.Regions[index];
                string what = $"FLREG{index} ({region.Name})";
                Assert.AreEqual(theirs.Flreg, region.Flreg, what);
                Assert.AreEqual(theirs.Unused, !region.IsUsed, what);
                if (!theirs.Unused)
                {
                    Assert.AreEqual(theirs.Base, region.Base, what);
                    Assert.AreEqual(theirs.Limit, region.Limit, what);
                }
            }
        }

        private static IfdtoolDump Dump(CorebootUtils tools, byte[] image, string? platform)
        {
            string path = tools.PathOf("image.bin");
            File.WriteAllBytes(path, image);
            string output = tools.Run("ifdtool", (platform is null ? string.Empty : $"-p {platform} ") + $"-d \"{path}\"");

            var flregs = FlregLine().Matches(output).ToDictionary(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match => Hex(match.Groups[2].Value));
            var regions = new Dictionary<int, IfdtoolRegion>();
            foreach (Match match in RegionLine().Matches(output))
            {
                int index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                regions[index] = new IfdtoolRegion(Hex(match.Groups[2].Value), Hex(match.Groups[3].Value), match.Groups[4].Success, (uint)flregs[index]);
            }

            return new IfdtoolDump(
                output,
                (uint)Hex(Field(output, "FLMAP0")),
                platform is null ? (int)Hex(Field(output, "NR"), decimalValue: true) : null,
                (int)Hex(Field(output, "FRBA")),
                regions);
        }

        private static string Field(string output, string name)
        {
            Match match = Regex.Match(output, $@"^\s*{name}:\s+(\S+)", RegexOptions.Multiline);
            Assert.IsTrue(match.Success, $"ifdtool printed no {name}:\n{output}");
            return match.Groups[1].Value;
        }

        private static long Hex(string text, bool decimalValue = false)
        {
            string digits = text.StartsWith("0x", System.StringComparison.Ordinal) ? text[2..] : text;
            return long.Parse(digits, decimalValue ? NumberStyles.Integer : NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        [GeneratedRegex(@"^FLREG(\d+):\s+0x([0-9a-fA-F]+)", RegexOptions.Multiline)]
        private static partial Regex FlregLine();

        [GeneratedRegex(@"^\s*Flash Region (\d+) \([^)]*\): ([0-9a-fA-F]+) - ([0-9a-fA-F]+) ?(\(unused\))?", RegexOptions.Multiline)]
        private static partial Regex RegionLine();

        private sealed record IfdtoolRegion(long Base, long Limit, bool Unused, uint Flreg);

        /// <param name="Nr">Printed for IFD v1 only: v2 reserves the field.</param>
        private sealed record IfdtoolDump(string Output, uint Flmap0, int? Nr, int Frba, Dictionary<int, IfdtoolRegion> Regions);
    }
}
