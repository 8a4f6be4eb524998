using System;
using System.IO;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests
{
    /// <summary>
    /// Which part the commands follow: the chip's own id, parts sharing it that behave alike, or -c, which is
    /// never followed into a write or erase when the chip contradicts it (issue 11 items 1 and 8).
    /// </summary>
    [TestClass]
    public sealed class ChipChoiceTests
    {
        private const int MiB = 1024 * 1024;

        [TestMethod]
        public void A_write_with_a_smaller_forced_part_is_refused_before_anything_changes()
        {
            using var files = new TestFiles();
            using var emulator = LoadedW25Q64(files, out byte[] old);
            string image = files.RandomImage("img4.bin", 4 * MiB, seed: 72);
            string backup = files.PathOf("backup.bin");

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "--backup", backup);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(
                run.Error,
                "error: The chip answers EF 40 17 (W25Q64BV/W25Q64CV/W25Q64FV/W25Q64JV-.Q, 8 MiB) but -c W25Q32FV is EF 40 16, 4 MiB. Only the first 4 MiB of its 8 MiB would be covered. "
                + "Nothing was written or erased: a part named with -c is changed only when the chip's id confirms it. Leave out -c: the chip is recognised as W25Q64BV/W25Q64CV/W25Q64FV/W25Q64JV-.Q (8.0 MiB).");
            Assert.IsFalse(run.Output.Contains("VERIFIED", StringComparison.Ordinal), run.ToString());
            AssertUntouched(emulator, old);
            Assert.IsFalse(File.Exists(backup), "refused before the backup");
        }

        [TestMethod]
        public void A_write_with_a_larger_forced_part_whose_halves_are_equal_is_refused_not_verified_by_wrapping()
        {
            using var files = new TestFiles();
            using var emulator = LoadedW25Q64(files, out byte[] old);
            byte[] half = File.ReadAllBytes(files.RandomImage("half.bin", 8 * MiB, seed: 73));
            string image = files.PathOf("img16.bin");
            File.WriteAllBytes(image, half.Concat(half).ToArray());

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q128FV", "--no-backup");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "but -c W25Q128FV is EF 40 18, 16 MiB. Past 8 MiB the chip's addresses wrap around to its start");
            StringAssert.Contains(run.Error, "Nothing was written or erased");
            Assert.IsFalse(run.Output.Contains("VERIFIED", StringComparison.Ordinal), run.ToString());
            AssertUntouched(emulator, old);
        }

        [TestMethod]
        public void An_erase_with_a_forced_part_of_another_id_is_refused()
        {
            using var files = new TestFiles();
            using var emulator = LoadedW25Q64(files, out byte[] old);

            CliRun run = CliRun.Of("erase", "-p", emulator.Programmer, "-c", "GD25Q64C");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "The chip answers EF 40 17 (W25Q64BV/W25Q64CV/W25Q64FV/W25Q64JV-.Q, 8 MiB) but -c GD25Q64C is C8 40 17, 8 MiB. Nothing was written or erased");
            AssertUntouched(emulator, old);
        }

        [TestMethod]
        public void A_read_with_a_smaller_forced_part_goes_on_with_a_warning_that_says_what_is_left_out()
        {
            using var files = new TestFiles();
            using var emulator = LoadedW25Q64(files, out byte[] old);
            string dump = files.PathOf("dump.bin");

            CliRun run = CliRun.Of("read", dump, "-p", emulator.Programmer, "-c", "W25Q32FV");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "warning: The chip answers EF 40 17");
            StringAssert.Contains(run.Error, "Only the first 4 MiB of its 8 MiB would be covered. Going on as told (-c) for reading only");
            StringAssert.Contains(run.Output, "Chip: Winbond W25Q32FV (EF 40 16, 4.0 MiB, named with -c; the chip answers EF 40 17)");
            CollectionAssert.AreEqual(old[..(4 * MiB)], File.ReadAllBytes(dump));
            AssertUntouched(emulator, old);
        }

        [TestMethod]
        public void A_verify_with_a_larger_forced_part_is_refused_and_never_says_verified()
        {
            using var files = new TestFiles();
            using var emulator = LoadedW25Q64(files, out byte[] old);
            string image = files.PathOf("img16.bin");
            File.WriteAllBytes(image, old.Concat(old).ToArray());

            CliRun run = CliRun.Of("verify", image, "-p", emulator.Programmer, "-c", "W25Q128FV");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "Past 8 MiB the chip's addresses wrap around to its start: 16 MiB read from it hold its contents 2 times over. Nothing was compared");
            Assert.IsFalse(run.Output.Contains("VERIFIED", StringComparison.Ordinal), run.ToString());
            AssertUntouched(emulator, old);
        }

        [TestMethod]
        public void A_verify_with_a_forced_part_of_another_id_but_the_same_size_goes_on_with_a_warning()
        {
            using var files = new TestFiles();
            using var emulator = LoadedW25Q64(files, out byte[] old);
            string image = files.PathOf("same.bin");
            File.WriteAllBytes(image, old);

            CliRun run = CliRun.Of("verify", image, "-p", emulator.Programmer, "-c", "GD25Q64C");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "warning: The chip answers EF 40 17");
            StringAssert.Contains(run.Output, "VERIFIED");
            AssertUntouched(emulator, old);
        }

        [TestMethod]
        public void The_common_Winbond_id_is_read_and_written_without_c_naming_every_candidate()
        {
            using var files = new TestFiles();
            using var emulator = LoadedW25Q64(files, out byte[] old);
            string image = files.PathOf("new.bin");
            byte[] wanted = (byte[])old.Clone();
            new Random(74).NextBytes(wanted.AsSpan(0x200000, 64 * 1024));
            File.WriteAllBytes(image, wanted);

            CliRun write = CliRun.Of("write", image, "-p", emulator.Programmer, "--no-backup");
            CliRun read = CliRun.Of("read", files.PathOf("dump.bin"), "-p", emulator.Programmer, "--json");

            Assert.AreEqual(ExitCodes.Ok, write.ExitCode, write.ToString());
            StringAssert.Contains(write.Output, "Chip: Winbond W25Q64BV/W25Q64CV/W25Q64FV/W25Q64JV-.Q (EF 40 17, 8.0 MiB, found by database)");
            StringAssert.Contains(write.Output, "2 database entries share this id and read, erase and write alike");
            StringAssert.Contains(write.Output, "VERIFIED: all 8388608 bytes");
            CollectionAssert.AreEqual(wanted, emulator.Chip.Snapshot());
            Assert.AreEqual(1L, emulator.Chip.Erases(64 * 1024), "only the changed block");
            Assert.AreEqual(ExitCodes.Ok, read.ExitCode, read.ToString());
            Assert.AreEqual(2, read.Json().GetProperty("chip").GetProperty("candidates").GetArrayLength());
            CollectionAssert.AreEqual(wanted, File.ReadAllBytes(files.PathOf("dump.bin")));
        }

        [TestMethod]
        public void An_id_whose_parts_differ_in_something_a_write_uses_asks_for_c_and_says_what_differs()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q256JV);

            CliRun run = CliRun.Of("probe", "-p", emulator.Programmer);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "The chip's id EF 40 19 matches 2 parts: \"W25Q256FV\", \"W25Q256JV_Q/W25Q256JV\". They differ in addressing past 16 MiB");
            StringAssert.Contains(run.Error, "-c \"NAME\"");
        }

        [TestMethod]
        public void An_unknown_c_is_a_usage_error_with_the_closest_names_before_the_programmer_is_touched()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);

            CliRun run = CliRun.Of("read", "never.bin", "-p", emulator.Programmer, "-c", "W25Q64FVSIG");

            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: No chip called \"W25Q64FVSIG\" is in the database. Closest: W25Q64FV");
            StringAssert.Contains(run.Error, "'serprog chips' lists every part");
            Assert.AreEqual(0L, emulator.Chip.CommandCount(SpiNorOpcodes.ReadJedecId), "no RDID: the programmer was not used");
            Assert.IsFalse(File.Exists("never.bin"));
        }

        private static EmulatorOverTcp LoadedW25Q64(TestFiles files, out byte[] old)
        {
            var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);
            old = File.ReadAllBytes(files.RandomImage("old.bin", 8 * MiB, seed: 71));
            emulator.Chip.Load(old);
            emulator.Chip.ResetCounters();
            return emulator;
        }

        private static void AssertUntouched(EmulatorOverTcp emulator, byte[] old)
        {
            Assert.AreEqual(0L, emulator.Chip.PagePrograms, "no page program");
            Assert.AreEqual(0L, emulator.Chip.ChipErases + emulator.Chip.Erases(4096) + emulator.Chip.Erases(32 * 1024) + emulator.Chip.Erases(64 * 1024), "no erase");
            Assert.AreEqual(0L, emulator.Chip.StatusWrites, "no status write");
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }
    }
}
