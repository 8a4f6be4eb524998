namespace SerprogNano.Cli.Tests
{
    /// <summary>Parts flashrom lists whose quirks serprog does not drive are read but never written or erased (issue 22).</summary>
    [TestClass]
    public sealed class UnhandledPartTests
    {
        private const int MiB = 1024 * 1024;

        [TestMethod]
        [DataRow("SST26VF064B", "SST SST26VF064B(A) is never written or erased by serprog: every block of an SST26 part powers up locked, and serprog does not send the global unlock (ULBPR, 0x98).")]
        [DataRow("EN25B64", "Eon EN25B64 is never written or erased by serprog: its erase blocks differ in size along the chip (boot sectors) and serprog erases uniform blocks only.")]
        public void A_write_to_a_part_with_quirks_serprog_does_not_drive_is_refused_before_anything_changes(string part, string refusal)
        {
            using var files = new TestFiles();
            string image = files.RandomImage("img8.bin", 8 * MiB, seed: 22);

            CliRun run = CliRun.Of("write", image, "-p", "emulator:" + part, "-c", part, "--no-backup");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: " + refusal + " Nothing was written or erased; read and verify work.");
            Assert.IsFalse(run.Output.Contains("VERIFIED", System.StringComparison.Ordinal), run.ToString());
        }

        [TestMethod]
        public void A_part_with_quirks_serprog_does_not_drive_is_still_read()
        {
            using var files = new TestFiles();
            string output = files.PathOf("read.bin");

            CliRun run = CliRun.Of("read", output, "-p", "emulator:SST26VF064B");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            Assert.AreEqual(8L * MiB, new System.IO.FileInfo(output).Length);
        }
    }
}
