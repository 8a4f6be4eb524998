using System.Linq;
using System.Text.Json;
using SerprogNano.Chips;

namespace SerprogNano.Cli.Tests
{
    /// <summary>`serprog chips`: the database, for picking a -c name, without a programmer.</summary>
    [TestClass]
    public sealed class ChipsCommandTests
    {
        [TestMethod]
        public void Chips_lists_every_part_with_vendor_id_size_and_voltage()
        {
            CliRun run = CliRun.Of("chips");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.StartsWith(run.Output, "NAME ");
            StringAssert.Contains(run.Output, "ID");
            StringAssert.Contains(run.Output, "VOLTAGE");
            StringAssert.Matches(run.Output, new System.Text.RegularExpressions.Regex(@"W25Q64JV-\.Q +Winbond +EF 40 17 +8\.0 MiB +2\.7-3\.6 V"));
            StringAssert.Contains(run.Output, ChipDatabase.Default.Chips.Count + " part(s).");
        }

        [TestMethod]
        [DataRow("ef4017")]
        [DataRow("EF 40 17")]
        public void Chips_json_with_an_id_filter_gives_the_parts_with_that_id(string filter)
        {
            CliRun run = CliRun.Of("chips", filter, "--json");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement json = run.Json();
            Assert.IsTrue(json.GetProperty("ok").GetBoolean());
            JsonElement chips = json.GetProperty("chips");
            Assert.AreEqual(2, chips.GetArrayLength());
            Assert.AreEqual("W25Q64BV/W25Q64CV/W25Q64FV", chips[0].GetProperty("name").GetString());
            Assert.AreEqual("Winbond", chips[0].GetProperty("vendor").GetString());
            Assert.AreEqual("EF 40 17", chips[1].GetProperty("jedecId").GetString());
            Assert.AreEqual(8388608, chips[1].GetProperty("size").GetInt64());
            Assert.AreEqual(2.7, chips[1].GetProperty("voltageMin").GetDouble());
            Assert.AreEqual(3.6, chips[1].GetProperty("voltageMax").GetDouble());
        }

        [TestMethod]
        public void Chips_with_a_filter_nothing_matches_fails_with_the_closest_names()
        {
            CliRun run = CliRun.Of("chips", "MX25L6406X");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: No part in the database matches \"MX25L6406X\"; closest: MX25L6406E");
            Assert.AreEqual("", run.Output);
        }

        [TestMethod]
        public void Chips_filters_by_vendor_size_and_voltage_together()
        {
            CliRun run = CliRun.Of("chips", "--vendor", "macronix", "--size", "8M", "--voltage", "1.8", "--json");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement chips = run.Json().GetProperty("chips");
            string[] names = chips.EnumerateArray().Select(chip => chip.GetProperty("name").GetString()!).ToArray();
            CollectionAssert.AreEquivalent(new[] { "MX25R6435F", "MX25U6435E/F" }, names, "the 1.8 V part and the wide-range one");
        }

        [TestMethod]
        [DataRow("--id", "BF44", "SST25VF040")]
        [DataRow("--id", "7F 9D 7E", "Pm25LV040")]
        [DataRow("--vendor", "Zetta", "ZD25D20")]
        public void Chips_finds_old_parts_by_their_rems_res_or_continuation_id_and_by_vendor(string option, string value, string part)
        {
            CliRun run = CliRun.Of("chips", option, value, "--json");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            string[] names = run.Json().GetProperty("chips").EnumerateArray().Select(chip => chip.GetProperty("name").GetString()!).ToArray();
            CollectionAssert.Contains(names, part);
        }

        [TestMethod]
        public void Chips_table_says_what_flashrom_tested_and_which_parts_serprog_only_reads()
        {
            CliRun run = CliRun.Of("chips", "SST26VF064B");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Matches(run.Output, new System.Text.RegularExpressions.Regex(@"SST26VF064B\(A\) +SST +BF 26 43 +8\.0 MiB +2\.7-3\.6 V +tested PREW, read only"));
            StringAssert.Contains(run.Output, "SST26VF064B(A) is read only: every block of an SST26 part powers up locked");
        }

        [TestMethod]
        public void Chips_with_a_size_that_is_no_size_is_a_usage_error()
        {
            CliRun run = CliRun.Of("chips", "--size", "lots");

            Assert.AreNotEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "--size lots is not a size");
        }

        [TestMethod]
        public void Chips_with_filters_nothing_matches_names_them()
        {
            CliRun run = CliRun.Of("chips", "--vendor", "winbond", "--voltage", "5");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: No part in the database matches vendor winbond, 5.0 V. 'serprog chips' lists all");
        }
    }
}
