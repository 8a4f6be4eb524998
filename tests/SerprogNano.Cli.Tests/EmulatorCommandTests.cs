using System.IO;
using System.Text.Json;

namespace SerprogNano.Cli.Tests
{
    /// <summary>Each command against the built-in emulator (-p emulator:...), a fresh one per command.</summary>
    [TestClass]
    public sealed class EmulatorCommandTests
    {
        [TestMethod]
        public void Probe_names_the_programmer_and_the_chip()
        {
            CliRun run = CliRun.Of("probe", "-p", "emulator:SST25VF040B");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "SerprogNano emu");
            StringAssert.Contains(run.Output, "SST25VF040B");
            StringAssert.Contains(run.Output, "BF 25 8D");
        }

        [TestMethod]
        public void Probe_settles_an_ambiguous_id_by_the_emulated_part()
        {
            CliRun run = CliRun.Of("probe", "-p", "emulator", "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement chip = run.Json().GetProperty("chip");
            StringAssert.Contains(chip.GetProperty("name").GetString(), "W25Q64FV");
            Assert.AreEqual(8L * 1024 * 1024, chip.GetProperty("size").GetInt64());
        }

        [TestMethod]
        public void Probe_with_json_prints_one_parsable_object_and_keeps_human_text_off_stdout()
        {
            CliRun run = CliRun.Of("probe", "-p", "emulator:SST25VF040B", "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement json = run.Json();
            Assert.AreEqual("probe", json.GetProperty("command").GetString());
            Assert.IsTrue(json.GetProperty("ok").GetBoolean());
            Assert.AreEqual(0, json.GetProperty("exitCode").GetInt32());
            Assert.AreEqual("BF 25 8D", json.GetProperty("chip").GetProperty("jedecId").GetString());
            StringAssert.Contains(run.Error, "Chip:");
        }

        [TestMethod]
        public void Info_shows_limits_commands_sfdp_and_status_registers()
        {
            CliRun run = CliRun.Of("info", "-p", "emulator:W25Q32FV", "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement json = run.Json();
            JsonElement programmer = json.GetProperty("programmer");
            Assert.AreEqual(1, programmer.GetProperty("interfaceVersion").GetInt32());
            Assert.IsGreaterThan(0, programmer.GetProperty("maxWriteLength").GetInt32());
            string commands = programmer.GetProperty("commands").GetRawText();
            StringAssert.Contains(commands, "O_SPIOP");
            StringAssert.Contains(commands, "SYNCNOP");
            Assert.AreEqual(4L * 1024 * 1024, json.GetProperty("sfdp").GetProperty("size").GetInt64());
            Assert.AreEqual(3, json.GetProperty("statusRegisters").GetArrayLength());
            StringAssert.Contains(run.Error, "Status: SR1=0x");
        }

        [TestMethod]
        public void Read_saves_exactly_the_chips_contents()
        {
            using var files = new TestFiles();
            string image = files.RandomImage("image.bin", 512 * 1024, seed: 11);
            string dump = files.PathOf("dump.bin");
            CliRun run = CliRun.Of("read", dump, "-p", "emulator:SST25VF040B,image=" + image);
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(dump));
            StringAssert.Contains(run.Output, "sha1 ");
            Assert.IsEmpty(Directory.GetFiles(files.Directory, "*.partial"), "no temporary file is left");
        }

        [TestMethod]
        public void Read_with_two_passes_prints_a_hash_per_pass_and_they_agree()
        {
            using var files = new TestFiles();
            string image = files.RandomImage("image.bin", 512 * 1024, seed: 12);
            CliRun run = CliRun.Of("read", files.PathOf("dump.bin"), "-p", "emulator:SST25VF040B,image=" + image, "--passes", "2", "--json");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement hashes = run.Json().GetProperty("passHashes");
            Assert.AreEqual(2, hashes.GetArrayLength());
            Assert.AreEqual(hashes[0].GetString(), hashes[1].GetString());
            StringAssert.Contains(run.Error, "pass 2: xxh64 " + hashes[1].GetString());
        }

        [TestMethod]
        public void Read_refuses_an_existing_file_without_force_and_replaces_it_with_force()
        {
            using var files = new TestFiles();
            string image = files.RandomImage("image.bin", 512 * 1024, seed: 13);
            string dump = files.PathOf("dump.bin");
            File.WriteAllText(dump, "keep me");

            CliRun refused = CliRun.Of("read", dump, "-p", "emulator:SST25VF040B,image=" + image, "--json");
            Assert.AreEqual(ExitCodes.Failed, refused.ExitCode, refused.ToString());
            StringAssert.Contains(refused.Error, "--force");
            Assert.IsFalse(refused.Json().GetProperty("ok").GetBoolean());
            Assert.AreEqual("keep me", File.ReadAllText(dump));

            CliRun forced = CliRun.Of("read", dump, "-p", "emulator:SST25VF040B,image=" + image, "--force");
            Assert.AreEqual(ExitCodes.Ok, forced.ExitCode, forced.ToString());
            CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(dump));
        }

        [TestMethod]
        public void Verify_finds_the_first_differing_address()
        {
            using var files = new TestFiles();
            string image = files.RandomImage("image.bin", 512 * 1024, seed: 14);
            byte[] changed = File.ReadAllBytes(image);
            changed[0x1234] ^= 0x10;
            changed[0x5000] ^= 0x01;
            string other = files.PathOf("other.bin");
            File.WriteAllBytes(other, changed);

            CliRun same = CliRun.Of("verify", image, "-p", "emulator:SST25VF040B,image=" + image);
            Assert.AreEqual(ExitCodes.Ok, same.ExitCode, same.ToString());
            StringAssert.Contains(same.Output, "VERIFIED");

            CliRun different = CliRun.Of("verify", other, "-p", "emulator:SST25VF040B,image=" + image, "--json");
            Assert.AreEqual(ExitCodes.Failed, different.ExitCode, different.ToString());
            StringAssert.Contains(different.Error, "0x001234");
            JsonElement json = different.Json();
            Assert.AreEqual(0x1234, json.GetProperty("firstDifference").GetInt64());
            Assert.AreEqual(2, json.GetProperty("differingBytes").GetInt64());
        }

        [TestMethod]
        public void A_missing_tcp_programmer_fails_with_exit_1_and_a_message()
        {
            CliRun run = CliRun.Of("probe", "-p", "tcp:127.0.0.1:1");
            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "127.0.0.1:1");
        }
    }
}
