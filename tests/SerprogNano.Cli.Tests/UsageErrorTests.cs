using System;

namespace SerprogNano.Cli.Tests
{
    /// <summary>Command lines that cannot run end with exit code 2 and a message, before any programmer is opened.</summary>
    [TestClass]
    public sealed class UsageErrorTests
    {
        [TestMethod]
        [DataRow(new string[0], "command")]
        [DataRow(new[] { "flash" }, "flash")]
        [DataRow(new[] { "probe" }, "--programmer")]
        [DataRow(new[] { "read" }, "argument missing")]
        [DataRow(new[] { "probe", "-p", "serprog:spispeed=16M" }, "dev=")]
        [DataRow(new[] { "probe", "-p", "ch341a_spi" }, "5 V logic")]
        [DataRow(new[] { "probe", "-p", "emulator", "--spispeed", "fast" }, "--spispeed fast")]
        [DataRow(new[] { "read", "x.bin", "-p", "emulator", "--passes", "0" }, "--passes")]
        [DataRow(new[] { "bench", "-p", "emulator", "--size", "lots" }, "--size lots")]
        [DataRow(new[] { "write", "x.bin", "-p", "emulator", "--frobnicate" }, "--frobnicate")]
        [DataRow(new[] { "emulate", "--chip", "W99X1" }, "The emulator has no part called 'W99X1'. Choose one of: ")]
        [DataRow(new[] { "probe", "-p", "emulator:W99X1" }, "The emulator has no part called 'W99X1'. Choose one of: ")]
        public void Usage_errors_exit_with_2_and_say_what_is_wrong(string[] args, string mentioned)
        {
            CliRun run = CliRun.Of(args);
            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, mentioned, run.ToString());
        }

        /// <summary>Issue 21 finding 7: these crashed with an unhandled InvalidOperationException (exit 134, no JSON).</summary>
        [TestMethod]
        [DataRow(new[] { "read", "x.bin", "-p", "emulator", "--passes", "abc" }, "--passes", "from 1 to 100")]
        [DataRow(new[] { "read", "x.bin", "-p", "emulator", "--passes", "99999999999" }, "--passes", "from 1 to 100")]
        [DataRow(new[] { "bench", "-p", "emulator", "--round-trips", "abc" }, "--round-trips", "from 1 to 1000000")]
        [DataRow(new[] { "bench", "-p", "emulator", "--round-trips", "1e9" }, "--round-trips", "from 1 to 1000000")]
        [DataRow(new[] { "bench", "-p", "emulator", "--size", "99999999999999999M" }, "--size", "K/M")]
        [DataRow(new[] { "emulate", "--baud", "abc" }, "--baud", "from 0 to 100000000")]
        [DataRow(new[] { "emulate", "--baud", "99999999999999999999" }, "--baud", "from 0 to 100000000")]
        [DataRow(new[] { "emulate", "--latency-us", "x" }, "--latency-us", "from 0 to 250000")]
        [DataRow(new[] { "serve", "--spi", "/dev/null", "--max-spispeed", "abc" }, "--max-spispeed", "from 1 to 4294967")]
        [DataRow(new[] { "serve", "--spi", "/dev/null", "--cs-gpio", "-1" }, "--cs-gpio", "from 0 to 1023")]
        [DataRow(new[] { "probe", "-p", "emulator,latency-us=99999999999" }, "latency-us=", "from 0 to 250000")]
        [DataRow(new[] { "probe", "-p", "emulator,baud=0" }, "baud=", "from 1 to 100000000")]
        public void Numbers_that_are_no_number_or_out_of_range_are_usage_errors_naming_the_option_and_range(string[] args, string option, string range)
        {
            CliRun run = CliRun.Of([.. args, "--json"]);

            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            string error = run.Json().GetProperty("error").GetString()!;
            StringAssert.Contains(error, option, run.ToString());
            StringAssert.Contains(error, range, run.ToString());
            Assert.IsFalse(error.Contains("System.", StringComparison.Ordinal), run.ToString());
        }

        [TestMethod]
        public void Backup_and_no_backup_together_are_a_usage_error()
        {
            using var files = new TestFiles();
            string image = files.RandomImage("image.bin", 512 * 1024, seed: 1);
            CliRun run = CliRun.Of("write", image, "-p", "emulator:SST25VF040B", "--no-backup", "--backup", files.PathOf("b.bin"));
            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "contradict");
        }

        [TestMethod]
        public void An_emulated_part_that_does_not_exist_is_a_usage_error_naming_the_parts()
        {
            CliRun run = CliRun.Of("probe", "-p", "emulator:W99X1");
            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "W25Q64FV");
        }

        [TestMethod]
        public void A_usage_error_with_json_still_prints_one_json_object()
        {
            CliRun run = CliRun.Of("read", "dump.bin", "-p", "serprog:dev=/dev/ttyACM0,spispeed=16G", "--json");
            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            var json = run.Json();
            Assert.AreEqual("read", json.GetProperty("command").GetString());
            Assert.AreEqual(2, json.GetProperty("exitCode").GetInt32());
            StringAssert.Contains(json.GetProperty("error").GetString(), "spispeed=16G");
        }

        [TestMethod]
        public void Help_is_not_an_error()
        {
            CliRun run = CliRun.Of("read", "--help");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "--passes");
        }
    }
}
