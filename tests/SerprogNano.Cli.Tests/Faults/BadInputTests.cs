using System;
using System.IO;
using System.Threading.Tasks;
using SerprogNano.Host.Files;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>Files a user can get wrong: each is refused with a message that names it, and the chip keeps its contents.</summary>
    [TestClass]
    public sealed class BadInputTests
    {
        [TestMethod]
        [DataRow("empty", "is empty")]
        [DataRow("missing", "does not exist")]
        [DataRow("directory", "is a directory")]
        public void A_bad_image_is_refused_before_the_chip_is_touched(string kind, string message)
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.SST25VF040B.Size, seed: 61));
            emulator.Chip.Load(old);
            string image = files.PathOf(kind);
            if (kind == "empty")
            {
                File.WriteAllBytes(image, []);
            }
            else if (kind == "directory")
            {
                Directory.CreateDirectory(image);
            }

            foreach (string[] command in new[] { new[] { "write", "--unprotect" }, new[] { "verify" } })
            {
                CliRun run = CliRun.Of([.. command, image, "-p", emulator.Programmer]);
                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, image);
                StringAssert.Contains(run.Error, message);
            }

            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }

        /// <summary>
        /// Issue 21 finding 8: -l /dev/zero and --fmap-file /dev/zero read until memory ran out, a FIFO there blocked
        /// for ever; image=/dev/zero said "has 0 bytes". Each input is now refused as what it is, before it is opened.
        /// </summary>
        [TestMethod]
        [DataRow("read", "-l", "/dev/zero", "Layout file /dev/zero is a character device")]
        [DataRow("read", "-l", "FIFO", "is a pipe (FIFO)")]
        [DataRow("read", "--fmap-file", "/dev/zero", "FMAP file /dev/zero is a character device")]
        [DataRow("read", "--fmap-file", "FIFO", "is a pipe (FIFO)")]
        [DataRow("write", "-i", "FIFO", "is a pipe (FIFO)")]
        [DataRow("write", "IMAGE", "FIFO", "is a pipe (FIFO)")]
        [DataRow("probe", "image=", "/dev/zero", "Emulator image /dev/zero is a character device")]
        [DataRow("probe", "image=", "FIFO", "is a pipe (FIFO)")]
        public void An_input_that_is_no_regular_file_is_refused_as_what_it_is_without_waiting(string command, string option, string input, string message)
        {
            using var files = new TestFiles();
            string path = input == "FIFO" ? files.Fifo("input") : input;
            string layout = files.PathOf("board.layout");
            File.WriteAllText(layout, "00000000:00000fff fd\n00001000:007fffff bios\n");
            string[] args = (command, option) switch
            {
                ("probe", _) => ["probe", "-p", "emulator,image=" + path],
                ("write", "-i") => ["write", files.RandomImage("image.bin", SpiNorModels.W25Q64FV.Size, seed: 64), "-p", "emulator", "-l", layout, "-i", "fd:" + path],
                ("write", _) => ["write", path, "-p", "emulator"],
                _ => ["read", files.PathOf("dump.bin"), "-p", "emulator", option, path, "-i", "fd"],
            };

            Task<CliRun> running = Task.Run(() => CliRun.Of(args));
            Assert.IsTrue(running.Wait(TimeSpan.FromSeconds(60)), string.Join(" ", args) + " is still reading " + path);
            CliRun run = running.Result;

            Assert.AreNotEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, message, run.ToString());
            Assert.IsFalse(File.Exists(files.PathOf("dump.bin")), run.ToString());
        }

        [TestMethod]
        public void An_image_larger_than_any_flash_chip_is_refused_before_it_is_read()
        {
            using var files = new TestFiles();
            string huge = files.PathOf("huge.bin");
            using (var stream = File.Create(huge))
            {
                // Sparse: nothing is written, the size alone is too large.
                stream.SetLength(InputFile.LargestFlashImage + 1);
            }

            CliRun run = CliRun.Of("write", huge, "-p", "emulator", "--no-backup");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "Image " + huge + " is 268435457 bytes, more than the largest SPI NOR chip (268435456 bytes)", run.ToString());
        }

        [TestMethod]
        public void A_page_that_will_not_program_fails_the_write_with_the_address_and_keeps_the_backup()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.W25Q32FV.Size, seed: 62));
            emulator.Chip.Load(old);
            string image = UpdatedImage.Write(files, "new.bin", old, 0x120000, 64 * 1024, seed: 63);
            string backup = files.PathOf("backup.bin");
            emulator.Chip.Faults.FailingPageAddress = 0x123456;

            CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "--backup", backup);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "Verify failed");
            StringAssert.Contains(run.Error, "0x123400");
            StringAssert.Contains(run.Error, "The old contents are in " + backup);
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backup));
            byte[] written = File.ReadAllBytes(image);
            byte[] chip = emulator.Chip.Snapshot();
            CollectionAssert.AreEqual(written[..0x123400], chip[..0x123400], "all but the failing page holds the new image");
            CollectionAssert.AreNotEqual(written[0x123400..0x123500], chip[0x123400..0x123500]);
            CollectionAssert.AreEqual(written[0x123500..], chip[0x123500..]);
        }

        [TestMethod]
        public void Miso_shorted_low_fails_the_probe_blaming_the_wiring()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            emulator.Chip.Faults.MisoShortedLow = true;

            CliRun run = CliRun.Of("probe", "-p", emulator.Programmer);

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "0x00");
            StringAssert.Contains(run.Error, "MISO");
            StringAssert.Contains(run.Error, "--spispeed");
        }
    }
}
