using System.Text.Json;

namespace SerprogNano.Cli.Tests
{
    /// <summary>--baud on the commands that open a programmer: never ignored without a word, and --json says the rate in use.</summary>
    [TestClass]
    public sealed class BaudOptionTests
    {
        [TestMethod]
        public void A_link_without_a_rate_is_named_in_a_warning()
        {
            CliRun run = CliRun.Of("probe", "-p", "emulator", "--baud", "4000000", "--json");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "warning: The link to emulator (W25Q64FV) has no baud rate: 4000000 baud was not set.", run.ToString());
            Assert.AreEqual(JsonValueKind.Null, run.Json().GetProperty("programmer").GetProperty("baud").ValueKind);
        }

        [TestMethod]
        public void A_rate_below_the_floor_is_a_usage_error()
        {
            CliRun run = CliRun.Of("probe", "-p", "emulator", "--baud", "300");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "--baud", run.ToString());
        }
    }
}
