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
    }
}
