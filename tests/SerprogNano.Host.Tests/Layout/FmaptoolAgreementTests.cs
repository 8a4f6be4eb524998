using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SerprogNano.Host.Layout;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Layout
{
    /// <summary>Our FMAP parser against the maps coreboot's fmaptool compiles and the images cbfstool builds from them.</summary>
    [TestClass]
    public sealed partial class FmaptoolAgreementTests
    {
        /// <summary>A Canoeboot-like 8 MiB layout in coreboot's .fmd language, with nested, preserved and CBFS sections.</summary>
        private const string Fmd = """
            FLASH@0xff800000 0x800000 {
            	SI_ALL@0x0 0x300000 {
            		SI_DESC@0x0 0x1000
            		SI_GBE@0x1000 0x2000
            		SI_ME@0x3000 0x2fd000
            	}
            	SI_BIOS@0x300000 0x500000 {
            		RW_MRC_CACHE(PRESERVE)@0x0 0x10000
            		FMAP@0x10000 0x800
            		COREBOOT(CBFS)@0x20000 0x4e0000
            	}
            }
            """;

        [TestMethod]
        public void Map_fmaptool_compiles_reads_back_as_its_generated_header_says()
        {
            using var tools = new CorebootUtils();
            (string mapPath, string headerPath) = Compile(tools);
            Dictionary<string, (long Start, long Size)> sections = HeaderSections(File.ReadAllText(headerPath));

            Fmap fmap = FmapParser.FindInFile(File.ReadAllBytes(mapPath));

            Assert.AreEqual(0L, fmap.Location);
            Assert.AreEqual(1, fmap.VersionMajor);
            Assert.AreEqual("FLASH", fmap.Name);
            Assert.AreEqual((ulong)sections["FLASH"].Start, fmap.Base);
            Assert.AreEqual(sections["FLASH"].Size, (long)fmap.Size);
            CollectionAssert.AreEqual(
                new[] { "SI_ALL", "SI_DESC", "SI_GBE", "SI_ME", "SI_BIOS", "RW_MRC_CACHE", "FMAP", "COREBOOT" },
                fmap.Areas.Select(area => area.Name).ToArray());
            foreach (FmapArea area in fmap.Areas)
            {
                Assert.AreEqual(sections[area.Name].Start - (long)fmap.Base, (long)area.Offset, area.Name);
                Assert.AreEqual(sections[area.Name].Size, (long)area.Size, area.Name);
            }

            Assert.AreEqual(FmapAreaFlags.Preserve, fmap.Areas.Single(area => area.Name == "RW_MRC_CACHE").Flags, "(PRESERVE) in the .fmd");
        }

        [TestMethod]
        public void Map_in_an_image_cbfstool_builds_is_found_where_fmaptool_put_it_with_cbfstools_areas()
        {
            using var tools = new CorebootUtils();
            (string mapPath, string headerPath) = Compile(tools);
            string imagePath = tools.PathOf("coreboot.rom");
            tools.Run("cbfstool", $"\"{imagePath}\" create -M \"{mapPath}\"");
            string listing = tools.Run("cbfstool", $"\"{imagePath}\" layout -w");
            long fmapOffset = Hex(Regex.Match(File.ReadAllText(headerPath), @"#define FMAP_OFFSET 0x([0-9a-fA-F]+)").Groups[1].Value);

            Fmap fmap = FmapParser.FindOnChip(File.ReadAllBytes(imagePath));

            Assert.AreEqual(fmapOffset, fmap.Location);
            var theirs = CbfstoolArea().Matches(listing)
                .Select(match => $"{match.Groups[1].Value} [0x{long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture):X8}-0x{long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) + long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) - 1:X8}]")
                .ToArray();
            Assert.HasCount(8, theirs, listing);
            CollectionAssert.AreEqual(theirs, fmap.ToLayout().Regions.Select(region => region.ToString()).ToArray());
        }

        private static (string Map, string Header) Compile(CorebootUtils tools)
        {
            string fmdPath = tools.PathOf("canoeboot.fmd");
            string mapPath = tools.PathOf("canoeboot.fmap");
            string headerPath = tools.PathOf("fmap.h");
            File.WriteAllText(fmdPath, Fmd + "\n");
            tools.Run("fmaptool", $"-h \"{headerPath}\" \"{fmdPath}\" \"{mapPath}\"");
            return (mapPath, headerPath);
        }

        /// <summary>fmaptool's header: "#define FMAP_SECTION_NAME_START 0x..." and "..._SIZE 0x...".</summary>
        private static Dictionary<string, (long Start, long Size)> HeaderSections(string header)
        {
            var starts = SectionDefine().Matches(header).Where(match => match.Groups[2].Value == "START").ToDictionary(match => match.Groups[1].Value, match => Hex(match.Groups[3].Value));
            var sizes = SectionDefine().Matches(header).Where(match => match.Groups[2].Value == "SIZE").ToDictionary(match => match.Groups[1].Value, match => Hex(match.Groups[3].Value));
            Assert.IsNotEmpty(starts, header);
            return starts.ToDictionary(pair => pair.Key, pair => (pair.Value, sizes[pair.Key]));
        }

        private static long Hex(string digits) => long.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        [GeneratedRegex(@"#define FMAP_SECTION_(\w+?)_(START|SIZE) 0x([0-9a-fA-F]+)")]
        private static partial Regex SectionDefine();

        /// <summary>cbfstool layout -w: "'SI_GBE' (size 8192, offset 4096)", possibly with "read-only, " or "CBFS, " first.</summary>
        [GeneratedRegex(@"^'([^']+)' \((?:[\w-]+, )*size (\d+), offset (\d+)\)", RegexOptions.Multiline)]
        private static partial Regex CbfstoolArea();
    }
}
