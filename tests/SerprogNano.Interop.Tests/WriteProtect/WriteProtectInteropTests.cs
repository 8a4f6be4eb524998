using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests.WriteProtect
{
    /// <summary>
    /// Debian's flashrom 1.3 and serprog on the same emulated chip: the ranges each can set, and what one sets
    /// the other reads back (range, mode and the very status bits). flashrom 1.3 knows the protection layout of
    /// these Winbond and GigaDevice parts; it has none for Macronix yet. flashrom writes a GD25Q64(B)'s SR2 with
    /// 0x31, which the emulated GD25Q64C (like its datasheet) lacks: its CMP ranges are left out for flashrom to set.
    /// </summary>
    [TestClass]
    public sealed partial class WriteProtectInteropTests
    {
        public static IEnumerable<object[]> Parts =>
        [
            ["W25Q64FV", Flashrom.W25Q64, "W25Q64FV"],
            ["GD25Q64C", "GD25Q64(B)", "GD25Q64C"],
        ];

        /// <summary>Upper 1/64 (BP), lower 1/2048 (SEC, TB), all, and lower 63/64 (CMP, in SR2).</summary>
        public static IEnumerable<object[]> PartsAndRanges =>
        [
            ["W25Q64FV", Flashrom.W25Q64, "W25Q64FV", "0x007e0000,0x00020000 0x00000000,0x00001000 0x00000000,0x00800000 0x00000000,0x007e0000"],
            ["GD25Q64C", "GD25Q64(B)", "GD25Q64C", "0x007e0000,0x00020000 0x00000000,0x00001000 0x00000000,0x00800000"],
        ];

        [TestMethod]
        [DynamicData(nameof(Parts))]
        public void Flashrom_and_serprog_list_the_same_ranges(string model, string flashromName, string serprogName)
        {
            using var served = new ServedChip(SpiNorModels.Find(model));
            var flashrom = new Flashrom("serprog:ip=" + served.Endpoint);

            ToolResult theirs = flashrom.Run($"-c \"{flashromName}\" --wp-list");
            Assert.AreEqual(0, theirs.ExitCode, theirs.Output);
            SerprogCli ours = SerprogCli.Run("wp", "-p", "serprog:ip=" + served.Endpoint, "-c", serprogName, "--wp-list");
            Assert.AreEqual(0, ours.ExitCode, ours.ToString());

            string[] flashromRanges = RangeLines(theirs.Output);
            Assert.IsTrue(flashromRanges.Length > 20, theirs.Output);
            CollectionAssert.AreEqual(flashromRanges, RangeLines(ours.Output), "same ranges, same order:\n" + theirs.Output + "\n" + ours);
        }

        [TestMethod]
        [DynamicData(nameof(PartsAndRanges))]
        public void A_range_and_mode_flashrom_sets_serprog_reads_and_sets_with_the_same_bits(string model, string flashromName, string serprogName, string ranges)
        {
            foreach (string range in ranges.Split(' '))
            {
                using var served = new ServedChip(SpiNorModels.Find(model));
                var flashrom = new Flashrom("serprog:ip=" + served.Endpoint);
                string programmer = "serprog:ip=" + served.Endpoint;

                ToolResult set = flashrom.Run($"-c \"{flashromName}\" --wp-range {range} --wp-enable");
                Assert.AreEqual(0, set.ExitCode, range + ": " + set.Output);
                SerprogCli afterFlashrom = SerprogCli.Run("wp", "-p", programmer, "-c", serprogName, "--wp-status", "--json");
                Assert.AreEqual(0, afterFlashrom.ExitCode, afterFlashrom.ToString());
                JsonElement theirs = State(afterFlashrom);
                Assert.AreEqual(Start(range), theirs.GetProperty("range").GetProperty("start").GetInt64(), range);
                Assert.AreEqual(Length(range), theirs.GetProperty("range").GetProperty("length").GetInt64(), range);
                Assert.AreEqual("hardware", theirs.GetProperty("mode").GetString(), range);

                // Back to nothing with flashrom, then the same range with serprog: the same status bits.
                Assert.AreEqual(0, flashrom.Run($"-c \"{flashromName}\" --wp-disable --wp-range 0,0").ExitCode);
                Assert.AreEqual("disabled", State(SerprogCli.Run("wp", "-p", programmer, "-c", serprogName, "--json")).GetProperty("mode").GetString());
                SerprogCli ours = SerprogCli.Run("wp", "-p", programmer, "-c", serprogName, "--wp-range", range, "--wp-enable", "--json");
                Assert.AreEqual(0, ours.ExitCode, ours.ToString());
                Assert.AreEqual(theirs.GetProperty("bits").ToString(), State(ours).GetProperty("bits").ToString(), range + ": the bits flashrom chose");
            }
        }

        [TestMethod]
        [DynamicData(nameof(Parts))]
        public void What_serprog_sets_flashrom_reports_in_the_same_words(string model, string flashromName, string serprogName)
        {
            using var served = new ServedChip(SpiNorModels.Find(model));
            var flashrom = new Flashrom("serprog:ip=" + served.Endpoint);
            string programmer = "serprog:ip=" + served.Endpoint;

            foreach (string[] options in new[] { new[] { "--wp-range", "0x0,0x20000", "--wp-enable" }, new[] { "--wp-range", "0x7ff000,0x1000" }, new[] { "--wp-disable", "--wp-range", "0,0" } })
            {
                SerprogCli ours = SerprogCli.Run(["wp", "-p", programmer, "-c", serprogName, .. options, "--wp-status"]);
                Assert.AreEqual(0, ours.ExitCode, ours.ToString());
                ToolResult theirs = flashrom.Run($"-c \"{flashromName}\" --wp-status");
                Assert.AreEqual(0, theirs.ExitCode, theirs.Output);

                foreach (string line in new[] { "Protection range: ", "Protection mode: " })
                {
                    Assert.AreEqual(Line(theirs.Output, line), Line(ours.Output, line), string.Join(" ", options) + "\n" + theirs.Output + "\n" + ours);
                }
            }
        }

        private static JsonElement State(SerprogCli run)
        {
            using var document = JsonDocument.Parse(run.Output);
            return document.RootElement.GetProperty("writeProtect").Clone();
        }

        private static long Start(string range) => System.Convert.ToInt64(range.Split(',')[0], 16);

        private static long Length(string range) => System.Convert.ToInt64(range.Split(',')[1], 16);

        private static string[] RangeLines(string output) => RangeLine().Matches(output).Select(m => m.Value).ToArray();

        private static string Line(string output, string prefix) => output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(prefix, System.StringComparison.Ordinal));

        [GeneratedRegex(@"start=0x[0-9a-f]{8} length=0x[0-9a-f]{8} \([^)]*\)")]
        private static partial Regex RangeLine();
    }
}
