namespace SerprogNano.Cli.Tests
{
    /// <summary>What a user on a board without SPI enabled sees: a message with what to do, never a stack trace.</summary>
    [TestClass]
    public sealed class SbcCommandLineTests
    {
        private const string AbsentNode = "/dev/spidev97.3";

        [TestMethod]
        public void Probe_on_a_missing_spidev_node_says_how_to_enable_spi()
        {
            CliRun run = CliRun.Of("probe", "-p", "linux_spi:dev=" + AbsentNode + ",spispeed=32768");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, AbsentNode + " does not exist");
            StringAssert.Contains(run.Error, "raspi-config");
            StringAssert.Contains(run.Error, "config-pin P9.17 spi_cs");
            Assert.DoesNotContain("   at ", run.Error, "no stack trace");
        }

        [TestMethod]
        public void Serve_on_a_missing_spidev_node_says_how_to_enable_spi()
        {
            CliRun run = CliRun.Of("serve", "--spi", AbsentNode, "--listen", "127.0.0.1:0");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, AbsentNode + " does not exist");
            Assert.DoesNotContain("   at ", run.Error, "no stack trace");
        }

        [TestMethod]
        public void Serve_listens_on_loopback_unless_told_otherwise()
        {
            CliRun run = CliRun.Of("serve", "--help");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "127.0.0.1:7777");
            StringAssert.Contains(run.Output, "--cs-gpio");
        }

        [TestMethod]
        public void Ch341a_is_refused_on_the_command_line_with_the_guides_reason()
        {
            CliRun run = CliRun.Of("read", "dump.bin", "-p", "ch341a_spi");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "5 V logic");
        }
    }
}
