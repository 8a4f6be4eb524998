using System.Text.Json;

namespace SerprogNano.Cli.Tests
{
    [TestClass]
    public sealed class BenchCommandTests
    {
        [TestMethod]
        public void Bench_on_a_modeled_link_reports_figures_within_the_links_limit()
        {
            CliRun run = CliRun.Of("bench", "-p", "emulator:W25Q32FV,baud=2000000,latency-us=200", "--size", "64K", "--round-trips", "20", "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement json = run.Json();
            Assert.AreEqual(200_000.0, json.GetProperty("linkLimitBytesPerSecond").GetDouble());

            // Two 200 us hops per NOP: a round trip cannot be shorter than the model says.
            Assert.IsGreaterThanOrEqualTo(400.0, json.GetProperty("roundTrip").GetProperty("meanMicroseconds").GetDouble());

            JsonElement read = json.GetProperty("read");
            Assert.AreEqual(64 * 1024, read.GetProperty("bytes").GetInt64());
            Assert.IsGreaterThan(0.0, read.GetProperty("fractionOfLimit").GetDouble());
            Assert.IsLessThanOrEqualTo(1.0, read.GetProperty("fractionOfLimit").GetDouble(), "nothing beats the line rate");

            JsonElement write = json.GetProperty("write");
            Assert.IsGreaterThan(0.0, write.GetProperty("bytesPerSecond").GetDouble());
            Assert.IsLessThanOrEqualTo(1.0, write.GetProperty("fractionOfLimit").GetDouble());
            Assert.IsGreaterThan(0L, write.GetProperty("roundTrips").GetInt64());
            Assert.IsGreaterThan(0.0, json.GetProperty("unchangedWrite").GetProperty("seconds").GetDouble());
            JsonElement program = write.GetProperty("programPhase");
            Assert.IsGreaterThan(63 * 1024L, program.GetProperty("bytes").GetInt64(), "every page of the random image over other random contents (less its 0xFF bytes)");
            Assert.IsLessThanOrEqualTo(1.0, program.GetProperty("fractionOfLimit").GetDouble());
            Assert.AreEqual(64 * 1024, json.GetProperty("verify").GetProperty("bytes").GetInt64());
            Assert.IsGreaterThan(63 * 1024L, json.GetProperty("writeNoBackup").GetProperty("programPhase").GetProperty("bytes").GetInt64());
            StringAssert.Contains(run.Error, "program phase: ");
            StringAssert.Contains(run.Error, "Read: 64.0 KiB");
        }

        [TestMethod]
        public void Bench_does_not_write_to_real_hardware_without_destructive()
        {
            using var emulator = new EmulatorOverTcp(SerprogNano.Emulator.Chip.SpiNorModels.W25Q32FV);
            byte[] before = emulator.Chip.Snapshot();
            CliRun run = CliRun.Of("bench", "-p", emulator.Programmer, "-c", "W25Q32FV", "--size", "16K", "--round-trips", "5");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "--destructive");
            CollectionAssert.AreEqual(before, emulator.Chip.Snapshot());
        }
    }
}
