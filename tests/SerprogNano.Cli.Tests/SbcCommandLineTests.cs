using System;

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

        /// <summary>Issue 21 finding 13: "(Parameter 'devicePath')" ended these messages.</summary>
        [TestMethod]
        [DataRow(new[] { "probe", "-p", "linux_spi:dev=/dev/null" })]
        [DataRow(new[] { "serve", "--spi", "/dev/null", "--listen", "127.0.0.1:0" })]
        public void A_node_that_is_no_spidev_is_named_without_the_parameter_of_the_code(string[] args)
        {
            CliRun run = CliRun.Of(args);

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "/dev/null is not a spidev node of the form /dev/spidevBUS.CS (ls /dev/spidev* lists them).", run.ToString());
            Assert.DoesNotContain("Parameter", run.Error, run.ToString());
        }

        /// <summary>Issue 21 finding 13: where libgpiod is missing, --cs-gpio ended in an unhandled GpiodException.</summary>
        [TestMethod]
        public void Serve_with_a_gpio_chip_select_fails_with_a_message_where_gpio_cannot_be_used()
        {
            CliRun run = CliRun.Of("serve", "--spi", "/dev/null", "--cs-gpio", "25", "--listen", "127.0.0.1:0");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.DoesNotContain("   at ", run.Error, "no stack trace");
            Assert.IsTrue(
                run.Error.Contains("--cs-gpio 25: cannot open this board's GPIO lines", StringComparison.Ordinal)
                    || run.Error.Contains("/dev/null is not a spidev node", StringComparison.Ordinal),
                "either the GPIO lines or the node is refused, as this machine has libgpiod or not: " + run);
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
