using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SerprogNano.Cli.Tests.Faults;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests
{
    /// <summary>
    /// A write stopped in each of its phases, on both write paths (the SerprogNano extensions, plain serprog v1), by
    /// Ctrl+C, SIGTERM, either twice, or a dropped link: the exit code, the message, the chip old, erased or new block
    /// by block as the message says, and the command it names ending VERIFIED. The signal is sent on a progress line of
    /// the phase while the emulated programmer holds its reply, so the stop falls inside that phase however loaded
    /// the machine is.
    /// </summary>
    [TestClass]
    public sealed class StopTests
    {
        private const int ChangedStart = 0x100000;
        private const int ChangedLength = 1 << 20;
        private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);
        private static readonly Regex StateLine = new(@"^  0x([0-9A-F]+)-0x([0-9A-F]+) \([^)]*\) (.+)$", RegexOptions.Multiline);
        private static readonly Regex AdvisedCommand = new(@"^  serprog (.+)$", RegexOptions.Multiline);

        [TestMethod]
        [DataRow(true, "read", "INT")]
        [DataRow(true, "erase and program", "INT")]
        [DataRow(true, "erase and program", "TERM")]
        [DataRow(true, "erase and program", "INT INT")]
        [DataRow(true, "erase and program", "TERM TERM")]
        [DataRow(true, "read", "drop")]
        [DataRow(true, "erase and program", "drop")]
        [DataRow(true, "verify (device CRC)", "INT")]
        [DataRow(false, "read", "TERM")]
        [DataRow(false, "erase", "TERM")]
        [DataRow(false, "program", "INT")]
        [DataRow(false, "verify", "INT")]
        [DataRow(false, "program", "INT INT")]
        [DataRow(false, "verify", "INT INT")]
        [DataRow(false, "read", "drop")]
        [DataRow(false, "erase", "drop")]
        public void A_stopped_write_says_block_by_block_what_the_chip_holds_and_the_command_it_names_ends_verified(bool extensions, string phase, string stop)
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV, new EmulatedSpiNorOptions { BusyTimes = true }, extensions);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed: 211));
            emulator.Chip.Load(old);
            // Through the extensions the erases run among the page programs, a progress line per 64 KiB block.
            string image = UpdatedImage.Write(files, "new.bin", old, ChangedStart, ChangedLength, seed: 212);
            byte[] wanted = File.ReadAllBytes(image);
            string backup = files.PathOf("backup.bin");

            // Over loopback the chip reads at about 100 MiB/s: a little delay per reply makes a read last seconds. Through the
            // extensions the backup reads only the changed quarter of the chip: a longer delay.
            emulator.LinkFaults.DelayMilliseconds = phase == "read" ? (extensions ? 8 : 2) : 0;
            string error;
            int? exit;
            using (CliProcess cli = CliProcess.Start("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "--backup", backup))
            {
                if (phase.StartsWith("verify", StringComparison.Ordinal))
                {
                    // Slowed while it still programs: the read-back that follows would otherwise be over before a test could act.
                    // The programmer's CRCs of a mebibyte come in nine replies, where a read-back takes a reply per 4 KiB.
                    Assert.IsTrue(cli.WaitForLine(new Regex(@"^(erase and )?program: .*%\)", RegexOptions.Multiline), Generous), cli.ToString());
                    emulator.LinkFaults.DelayMilliseconds = extensions ? 20 : 2;
                }

                Assert.IsTrue(cli.WaitForLine(new Regex("^" + Regex.Escape(phase) + @": .*%\)", RegexOptions.Multiline), Generous), cli.ToString());
                try
                {
                    Stop(cli, emulator, stop);
                    exit = cli.WaitForExit(Generous);
                }
                finally
                {
                    emulator.LinkFaults.Clear();
                }

                error = cli.Error;
            }

            Assert.AreEqual(stop switch { "INT INT" => 130, "TERM TERM" => 143, _ => ExitCodes.Failed }, exit, error);
            StringAssert.Contains(error, stop switch
            {
                "INT" => "error: Stopped by Ctrl+C (SIGINT) between two SPI commands; the programmer's pins are released.",
                "TERM" => "error: Stopped by SIGTERM between two SPI commands; the programmer's pins are released.",
                "INT INT" => "error: Quit at once by a second Ctrl+C (SIGINT), maybe in the middle of an SPI command.",
                "TERM TERM" => "error: Quit at once by a second SIGTERM, maybe in the middle of an SPI command.",
                _ => "closed",
            });
            // A process quit at once leaves the commands it had sent running on the device; the chip is what they leave, and a user's next command waits for them.
            Assert.IsTrue(emulator.WaitUntilFree(Generous), "the stopped client's last commands ran out");
            byte[] chip = emulator.Chip.Snapshot();
            switch (phase)
            {
                case "read":
                    StringAssert.Contains(error, "Nothing was written: the chip is as it was, and no backup was saved. To write it, run the same command again");
                    CollectionAssert.AreEqual(old, chip);
                    Assert.IsFalse(File.Exists(backup));
                    break;
                case "verify":
                case "verify (device CRC)":
                    StringAssert.Contains(error, "Everything was erased and programmed; the verify was interrupted, so the chip is not yet known to hold the image. The old contents are in " + backup + ". To check it, run:");
                    CollectionAssert.AreEqual(wanted, chip);
                    break;
                default:
                    StringAssert.Contains(error, "The old contents are in " + backup + ". To finish, run the same write again with --no-backup in place of --backup");
                    StringAssert.Contains(error, "The chip is part old, part new:");
                    ChipIsAsSaid(error, old, wanted, chip);
                    break;
            }

            CliRun finish = CliRun.Of(Words(AdvisedCommand.Match(error).Groups[1].Value));
            Assert.AreEqual(ExitCodes.Ok, finish.ExitCode, finish + "\nafter:\n" + error);
            StringAssert.Contains(finish.Output, "VERIFIED");
            CollectionAssert.AreEqual(wanted, emulator.Chip.Snapshot(), "the command the message names finished the job");
            if (phase != "read")
            {
                CollectionAssert.AreEqual(old, File.ReadAllBytes(backup), "the backup holds the old contents");
            }
        }

        [TestMethod]
        public void A_second_sigterm_during_an_erase_says_which_blocks_are_erased_exits_143_and_the_erase_it_names_finishes()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV, new EmulatedSpiNorOptions { BusyTimes = true });
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed: 218));
            emulator.Chip.Load(old);
            byte[] blank = new byte[old.Length];
            Array.Fill(blank, (byte)0xFF);

            string error;
            int? exit;
            using (CliProcess cli = CliProcess.Start("erase", "-p", emulator.Programmer, "-c", "W25Q32FV"))
            {
                Assert.IsTrue(cli.WaitForLine(new Regex(@"^erase: .*%\)", RegexOptions.Multiline), Generous), cli.ToString());
                try
                {
                    Stop(cli, emulator, "TERM TERM");
                    exit = cli.WaitForExit(Generous);
                }
                finally
                {
                    emulator.LinkFaults.Clear();
                }

                error = cli.Error;
            }

            Assert.AreEqual(143, exit, error);
            StringAssert.Contains(error, "error: Quit at once by a second SIGTERM, maybe in the middle of an SPI command. The chip may be partly erased: run the same erase again to finish it");
            // A process quit at once leaves the commands it had sent running on the device; the chip is what they leave, and a user's next command waits for them.
            Assert.IsTrue(emulator.WaitUntilFree(Generous), "the stopped client's last commands ran out");
            ChipIsAsSaid(error, old, blank, emulator.Chip.Snapshot());
            CliRun finish = CliRun.Of(Words(AdvisedCommand.Match(error).Groups[1].Value));
            Assert.AreEqual(ExitCodes.Ok, finish.ExitCode, finish.ToString());
            CollectionAssert.AreEqual(blank, emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void A_backup_name_that_exists_explains_no_backup_with_the_command_and_changes_nothing()
        {
            using var files = new TestFiles();
            string image = files.RandomImage("new.bin", SpiNorModels.W25Q32FV.Size, seed: 215);
            string backup = files.PathOf("backup.bin");
            File.WriteAllText(backup, "the original, from the stopped write");

            CliRun run = CliRun.Of("write", image, "-p", "emulator:W25Q32FV", "--backup", backup);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: Backup file " + backup + " exists; not replacing it. If it is the backup of an earlier write to this chip that did not finish, it holds the chip's original contents: keep it, and finish that write with --no-backup in place of --backup");
            StringAssert.Contains(run.Error, "\n  serprog write " + image + " -p emulator:W25Q32FV --no-backup\nOtherwise choose another --backup name.");
            Assert.AreEqual("the original, from the stopped write", File.ReadAllText(backup));
        }

        [TestMethod]
        public void A_default_backup_of_a_half_written_chip_says_it_is_not_the_original_and_names_the_one_that_is()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV, new EmulatedSpiNorOptions { BusyTimes = true }, extensions: false);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed: 216));
            emulator.Chip.Load(old);
            string image = UpdatedImage.Write(files, "new.bin", old, ChangedStart, ChangedLength, seed: 217);
            string[] write = ["write", image, "-p", emulator.Programmer, "-c", "W25Q32FV"];

            using (CliProcess cut = CliProcess.StartIn(files.Directory, write))
            {
                Assert.IsTrue(cut.WaitForLine(new Regex("^program: .*%\\)", RegexOptions.Multiline), Generous), cut.ToString());
                emulator.LinkFaults.DropAfter(0);
                Assert.AreEqual(ExitCodes.Failed, cut.WaitForExit(Generous), cut.ToString());
            }

            string original = Directory.GetFiles(files.Directory, "serprog-backup-W25Q32FV-*.bin").Single();
            using CliProcess again = CliProcess.StartIn(files.Directory, write);
            Assert.AreEqual(ExitCodes.Ok, again.WaitForExit(Generous), again.ToString());

            string second = Directory.GetFiles(files.Directory, "serprog-backup-W25Q32FV-*.bin").Single(path => path != original);
            StringAssert.Contains(again.Error, "warning: the chip holds part of new.bin and part of " + original + ", the backup of an earlier write that did not finish: that file holds the chip's original contents, the backup saved now does not.");
            StringAssert.Contains(again.Output, "Saved the chip as it is, half-written, to " + second + ": NOT the original contents, which are in " + original + ".");
            StringAssert.Contains(again.Output, "VERIFIED");
            CollectionAssert.AreEqual(old, File.ReadAllBytes(original));
            CollectionAssert.AreNotEqual(old, File.ReadAllBytes(second));
        }

        /// <summary>
        /// "drop" cuts the link now; signals ("INT", "TERM TERM") are sent while the programmer holds its reply, so the
        /// command cannot have left the phase; one signal is let go on once serprog says it is stopping.
        /// </summary>
        private static void Stop(CliProcess cli, EmulatorOverTcp emulator, string stop)
        {
            if (stop == "drop")
            {
                emulator.LinkFaults.DropAfter(0);
                return;
            }

            string[] signals = stop.Split(' ');
            emulator.LinkFaults.Pause();
            cli.Signal(signals[0]);
            Assert.IsTrue(cli.WaitFor("Stopping at the next point between two SPI commands", Generous), cli.ToString());
            if (signals.Length == 2)
            {
                cli.Signal(signals[1]);
                return;
            }

            emulator.LinkFaults.Resume();
        }

        /// <summary>Every range the message names holds what it says (per page where it says partly); all the rest is as it was.</summary>
        private static void ChipIsAsSaid(string error, byte[] old, byte[] wanted, byte[] chip)
        {
            Assert.DoesNotContain("more ranges", error);
            StringAssert.Contains(error, "\n  every other block unchanged");
            var named = new bool[chip.Length];
            foreach (Match line in StateLine.Matches(error))
            {
                int start = Convert.ToInt32(line.Groups[1].Value, 16);
                int end = Convert.ToInt32(line.Groups[2].Value, 16);
                string state = line.Groups[3].Value;
                for (int page = start; page <= end; page += 256)
                {
                    Span<byte> now = chip.AsSpan(page, 256);
                    bool isOld = now.SequenceEqual(old.AsSpan(page, 256));
                    bool isNew = now.SequenceEqual(wanted.AsSpan(page, 256));
                    bool erased = !now.ContainsAnyExcept((byte)0xFF);
                    bool right = state.StartsWith("new:", StringComparison.Ordinal) ? isNew
                        : state.StartsWith("old:", StringComparison.Ordinal) ? isOld
                        : state.StartsWith("erased (all 0xFF)", StringComparison.Ordinal) ? erased
                        : state.StartsWith("partly programmed", StringComparison.Ordinal) ? erased || isNew
                        : state.StartsWith("unknown:", StringComparison.Ordinal) && (isOld || erased || isNew);
                    Assert.IsTrue(right, "page " + page.ToString("X6") + " is not " + state + "\n" + error);
                }

                Array.Fill(named, true, start, end - start + 1);
            }

            Assert.IsTrue(named.Contains(true), "the message names what changed: " + error);
            for (int i = 0; i < chip.Length; i++)
            {
                Assert.IsTrue(named[i] || chip[i] == old[i], "0x" + i.ToString("X6") + " changed but is not named\n" + error);
            }
        }

        /// <summary>The words of a command line as a POSIX shell splits it (plain words and '...' quoting, as serprog prints them).</summary>
        private static string[] Words(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            bool quoted = false, any = false;
            foreach (char c in line)
            {
                if (c == '\'')
                {
                    quoted = !quoted;
                    any = true;
                }
                else if (c == ' ' && !quoted)
                {
                    if (any)
                    {
                        words.Add(word.ToString());
                    }

                    word.Clear();
                    any = false;
                }
                else
                {
                    word.Append(c);
                    any = true;
                }
            }

            if (any)
            {
                words.Add(word.ToString());
            }

            return words.ToArray();
        }
    }
}
