using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SerprogNano.Host.Layout;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Layout
{
    /// <summary>
    /// Debian's flashrom on its dummy programmer, holding the same image, prints the layout it builds from -l, --ifd
    /// and --fmap ("Added layout entry 00001000 - 00002fff named gbe" with -V): ours must be the same regions.
    /// </summary>
    [TestClass]
    public sealed partial class FlashromLayoutAgreementTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

        [TestMethod]
        public void Ifd_layout_of_a_canoeboot_like_ich9_chip_is_flashroms()
        {
            using var tools = new CorebootUtils();
            byte[] image = IntelDescriptorParserTests.CanoebootLike().ToBytes();

            string[] theirs = FlashromLayout(tools, image, "--ifd -i fd");

            CollectionAssert.AreEqual(theirs, Regions(IntelDescriptorParser.Parse(image).ToLayout()));
        }

        [TestMethod]
        [DataRow("Sunrise Point")]
        [DataRow("Cannon Point")]
        public void Ifd_layout_of_an_ifd_v2_chip_with_an_ec_region_is_flashroms(string generation)
        {
            using var tools = new CorebootUtils();
            byte[] image = IntelDescriptorParserTests.WithEcRegion(generation == "Cannon Point" ? DescriptorImage.CannonPoint() : DescriptorImage.SunrisePoint()).ToBytes();

            string[] theirs = FlashromLayout(tools, image, "--ifd -i fd");

            CollectionAssert.AreEqual(theirs, Regions(IntelDescriptorParser.Parse(image).ToLayout()));
            CollectionAssert.Contains(theirs, "ec [0x003F0000-0x003FFFFF]");
        }

        [TestMethod]
        public void Ifd_layout_of_a_lynx_point_chip_with_seven_regions_is_flashroms()
        {
            using var tools = new CorebootUtils();
            byte[] image = IntelDescriptorParserTests.LynxPointSevenRegions().ToBytes();

            string[] theirs = FlashromLayout(tools, image, "--ifd -i fd");

            CollectionAssert.AreEqual(theirs, Regions(IntelDescriptorParser.Parse(image).ToLayout()));
        }

        [TestMethod]
        public void Cougar_point_descriptor_with_more_regions_than_it_can_have_is_refused_by_flashrom_too()
        {
            using var tools = new CorebootUtils();
            byte[] image = DescriptorImage.CougarPoint(nr: 6).Region(0, 0).Region(0x200, 0x7FF).ToBytes();

            AssertFlashromAndWeRefuseTheDescriptor(tools, image);
        }

        [TestMethod]
        public void Chip_without_descriptor_is_refused_by_flashrom_too()
        {
            using var tools = new CorebootUtils();
            byte[] image = new byte[8 << 20];
            image.AsSpan().Fill(0xFF);

            AssertFlashromAndWeRefuseTheDescriptor(tools, image);
        }

        [TestMethod]
        public void Fmap_layout_of_a_cbfstool_image_is_flashroms()
        {
            using var tools = new CorebootUtils();
            string fmd = tools.PathOf("board.fmd");
            File.WriteAllText(fmd, "FLASH@0xff800000 0x800000 {\n\tSI_DESC@0x0 0x1000\n\tSI_GBE@0x1000 0x2000\n\tSI_BIOS@0x300000 0x500000 {\n\t\tFMAP@0x0 0x800\n\t\tCOREBOOT(CBFS)@0x800 0x4ff800\n\t}\n}\n");
            tools.Run("fmaptool", $"\"{fmd}\" \"{tools.PathOf("board.fmap")}\"");
            tools.Run("cbfstool", $"\"{tools.PathOf("board.rom")}\" create -M \"{tools.PathOf("board.fmap")}\"");
            byte[] image = File.ReadAllBytes(tools.PathOf("board.rom"));

            string[] theirs = FlashromLayout(tools, image, "--fmap -i FMAP");

            CollectionAssert.AreEqual(theirs, Regions(FmapParser.FindOnChip(image).ToLayout()));
            CollectionAssert.Contains(theirs, "COREBOOT [0x00300800-0x007FFFFF]");
        }

        [TestMethod]
        public void Layout_file_with_0x_tabs_blank_lines_and_crlf_reads_as_flashrom_reads_it()
        {
            using var tools = new CorebootUtils();
            const string Text = "00000000:00000fff fd\r\n\r\n\t0x1000:0X2FFF\tgbe\r\n  0x00003000:0x002fffff   me\r\n300000:7FFFFF bios\r\n";
            string path = tools.PathOf("x200.layout");
            File.WriteAllText(path, Text);

            string[] theirs = FlashromLayout(tools, new byte[8 << 20], $"-l \"{path}\" -i fd");

            CollectionAssert.AreEquivalent(theirs, Regions(LayoutFile.Parse(Text, path)), "flashrom lists them in reverse");
        }

        [TestMethod]
        public void Layout_file_with_a_comment_is_refused_by_flashrom_too()
        {
            using var tools = new CorebootUtils();
            const string Text = "# X200\n00000000:00000fff fd\n";
            string path = tools.PathOf("commented.layout");
            File.WriteAllText(path, Text);

            ToolResult result = RunFlashrom(tools, new byte[8 << 20], $"-l \"{path}\" -i fd");

            Assert.AreNotEqual(0, result.ExitCode);
            StringAssert.Contains(result.Output, "Error parsing layout file");
            Assert.ThrowsExactly<LayoutException>(() => LayoutFile.Parse(Text, path));
        }

        private static void AssertFlashromAndWeRefuseTheDescriptor(CorebootUtils tools, byte[] image)
        {
            ToolResult result = RunFlashrom(tools, image, "--ifd -i fd");

            Assert.AreNotEqual(0, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, "Couldn't parse the descriptor");
            Assert.ThrowsExactly<LayoutException>(() => IntelDescriptorParser.Parse(image));
        }

        private static string[] Regions(FlashLayout layout) => layout.Regions.Select(region => region.ToString()).ToArray();

        /// <summary>The regions flashrom -V added for <paramref name="layoutOptions"/>, in our ToString form.</summary>
        private static string[] FlashromLayout(CorebootUtils tools, byte[] image, string layoutOptions)
        {
            ToolResult result = RunFlashrom(tools, image, layoutOptions);
            Assert.AreEqual(0, result.ExitCode, result.Output);
            return AddedEntry().Matches(result.Output)
                .Where(match => match.Groups[3].Value != "complete flash")
                .Select(match => $"{match.Groups[3].Value} [0x{match.Groups[1].Value.ToUpperInvariant()}-0x{match.Groups[2].Value.ToUpperInvariant()}]")
                .ToArray();
        }

        private static ToolResult RunFlashrom(CorebootUtils tools, byte[] image, string layoutOptions)
        {
            string flashrom = ExternalTool.Require("flashrom", "apt-get install flashrom");
            string chip = tools.PathOf("chip.bin");
            File.WriteAllBytes(chip, image);
            (string emulate, string name) = image.Length == 8 << 20
                ? ("MX25L6436", "MX25L6436E/MX25L6445E/MX25L6465E/MX25L6473E/MX25L6473F")
                : ("W25Q128FV", "W25Q128.V");
            return ExternalTool.Run(
                flashrom,
                $"-p dummy:emulate={emulate},image=\"{chip}\" -c \"{name}\" {layoutOptions} -r \"{tools.PathOf("read.bin")}\" -V",
                Timeout);
        }

        [GeneratedRegex(@"^Added layout entry ([0-9a-fA-F]{8}) - ([0-9a-fA-F]{8}) named (.+?)\r?$", RegexOptions.Multiline)]
        private static partial Regex AddedEntry();
    }
}
