using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Files;

namespace SerprogNano.Cli.Tests
{
    /// <summary>
    /// Where a dump, a backup or the emulator's --save goes: only a regular file is ever replaced (a link is
    /// followed to one), and a missing or wrong place is found before the chip is read.
    /// </summary>
    [TestClass]
    public sealed class OutputFileTests
    {
        private const string Chip = "SST25VF040B";

        [TestMethod]
        public void Read_force_refuses_a_pipe_and_a_link_to_a_device_and_leaves_both_as_they_were()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            string fifo = files.Fifo("pipe");
            string link = files.PathOf("null-link");
            File.CreateSymbolicLink(link, "/dev/null");

            CliRun toFifo = CliRun.Of("read", fifo, "-p", emulator.Programmer, "-c", Chip, "--force");
            CliRun toLink = CliRun.Of("read", link, "-p", emulator.Programmer, "-c", Chip, "--force");

            Assert.AreEqual(ExitCodes.Failed, toFifo.ExitCode, toFifo.ToString());
            StringAssert.Contains(toFifo.Error, "Cannot save the dump to " + fifo + ": " + fifo + " is a pipe (FIFO), not a regular file.");
            StringAssert.Contains(toFifo.Error, "never writes into or replaces a device, pipe or socket");
            Assert.AreEqual(ExitCodes.Failed, toLink.ExitCode, toLink.ToString());
            StringAssert.Contains(toLink.Error, link + " is a symbolic link to /dev/null, which is a character device, not a regular file.");
            foreach (CliRun run in new[] { toFifo, toLink })
            {
                StringAssert.Contains(run.Error, "nothing was read.");
                Assert.DoesNotContain("read pass", run.Error, "refused before the read");
            }

            Assert.AreEqual(FileKind.Fifo, FileKinds.Of(fifo, followLinks: false));
            Assert.AreEqual(FileKind.SymbolicLink, FileKinds.Of(link, followLinks: false));
            Assert.AreEqual("/dev/null", new FileInfo(link).LinkTarget);
            Assert.AreEqual(FileKind.CharacterDevice, FileKinds.Of("/dev/null", followLinks: false));
            CollectionAssert.AreEquivalent(new[] { fifo, link }, Directory.GetFileSystemEntries(files.Directory), "no temporary file left");
        }

        [TestMethod]
        public void Read_force_to_dev_stdout_redirected_to_a_file_is_refused_and_the_file_is_not_replaced()
        {
            using var files = new TestFiles();
            string redirected = files.PathOf("out.bin");
            string errors = files.PathOf("errors.txt");
            File.WriteAllText(redirected, "");
            var start = new ProcessStartInfo("sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" \"$1\" read /dev/stdout -p emulator:" + Chip + " --force >> \"$2\" 2> \"$3\"");
            foreach (string arg in new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", typeof(SerprogCommandLine).Assembly.Location, redirected, errors })
            {
                start.ArgumentList.Add(arg);
            }

            long inode = InodeOf(redirected);
            using Process shell = Process.Start(start)!;
            Assert.IsTrue(shell.WaitForExit(TimeSpan.FromMinutes(2)));

            Assert.AreEqual(ExitCodes.Failed, shell.ExitCode, File.ReadAllText(errors));
            StringAssert.Contains(File.ReadAllText(errors), "Cannot save the dump to /dev/stdout: /dev/stdout is a symbolic link to /proc/self/fd/1, one of this process's own open files");
            Assert.AreEqual(inode, InodeOf(redirected), "the redirected file was not replaced");
            Assert.AreEqual(0, new FileInfo(redirected).Length);
        }

        [TestMethod]
        public void Read_force_through_a_link_to_a_file_replaces_the_file_and_keeps_the_link()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            byte[] chip = File.ReadAllBytes(files.RandomImage("chip.bin", SpiNorModels.SST25VF040B.Size, seed: 111));
            emulator.Chip.Load(chip);
            string target = files.PathOf("old-dump.bin");
            File.WriteAllBytes(target, [1, 2, 3]);
            string link = files.PathOf("dump.bin");
            File.CreateSymbolicLink(link, target);

            CliRun run = CliRun.Of("read", link, "-p", emulator.Programmer, "-c", Chip, "--force");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "Saved 524288 bytes to " + link + " (a symbolic link: saved into its target " + target + ")");
            Assert.AreEqual(target, new FileInfo(link).LinkTarget, "the link is still a link to the same file");
            CollectionAssert.AreEqual(chip, File.ReadAllBytes(target));
        }

        [TestMethod]
        public void A_missing_directory_or_a_directory_as_the_dump_is_refused_before_the_read()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            string missing = Path.Combine(files.PathOf("gone"), "dump.bin");
            string directory = files.PathOf("dumps");
            Directory.CreateDirectory(directory);

            CliRun intoMissing = CliRun.Of("read", missing, "-p", emulator.Programmer, "-c", Chip);
            CliRun ontoDirectory = CliRun.Of("read", directory, "-p", emulator.Programmer, "-c", Chip, "--force");

            Assert.AreEqual(ExitCodes.Failed, intoMissing.ExitCode, intoMissing.ToString());
            StringAssert.Contains(intoMissing.Error, "Cannot save the dump to " + missing + ": the directory " + files.PathOf("gone") + " does not exist. Create it or choose another place; nothing was read.");
            Assert.AreEqual(ExitCodes.Failed, ontoDirectory.ExitCode, ontoDirectory.ToString());
            StringAssert.Contains(ontoDirectory.Error, "Cannot save the dump to " + directory + ": " + directory + " is a directory. Name a file in it, e.g. " + Path.Combine(directory, "serprog.bin"));
            foreach (CliRun run in new[] { intoMissing, ontoDirectory })
            {
                Assert.DoesNotContain("Chip:", run.Output, "refused before the programmer was even opened");
                Assert.DoesNotContain("read pass", run.Error);
            }

            Assert.IsEmpty(Directory.GetFileSystemEntries(directory));
            CollectionAssert.AreEquivalent(new[] { directory }, Directory.GetFileSystemEntries(files.Directory));
        }

        [TestMethod]
        public void A_backup_that_names_a_link_or_a_missing_directory_is_refused_before_the_chip_is_touched()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", SpiNorModels.SST25VF040B.Size, seed: 112));
            emulator.Chip.Load(old);
            string image = files.RandomImage("new.bin", SpiNorModels.SST25VF040B.Size, seed: 113);
            string link = files.PathOf("backup-link.bin");
            File.CreateSymbolicLink(link, "/dev/null");
            string missing = Path.Combine(files.PathOf("gone"), "backup.bin");

            CliRun viaLink = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", Chip, "--unprotect", "--backup", link);
            CliRun intoMissing = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", Chip, "--unprotect", "--backup", missing);

            Assert.AreEqual(ExitCodes.Failed, viaLink.ExitCode, viaLink.ToString());
            StringAssert.Contains(viaLink.Error, "Backup file " + link + " exists; not replacing it.");
            Assert.AreEqual(ExitCodes.Failed, intoMissing.ExitCode, intoMissing.ToString());
            StringAssert.Contains(intoMissing.Error, "Cannot save the backup to " + missing + ": the directory " + files.PathOf("gone") + " does not exist. Create it or choose another place; nothing was written.");
            foreach (CliRun run in new[] { viaLink, intoMissing })
            {
                Assert.DoesNotContain("Chip:", run.Output, "refused before the programmer was opened");
            }

            Assert.AreEqual("/dev/null", new FileInfo(link).LinkTarget);
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }

        [TestMethod]
        [DataRow("missing-dir")]
        [DataRow("directory")]
        public void Emulate_checks_save_at_start_and_exits_2(string kind)
        {
            using var files = new TestFiles();
            string save = kind == "directory" ? files.Directory : Path.Combine(files.PathOf("gone"), "chip.bin");

            // Before the check, emulate served until stopped: the guard turns that hang into a failure.
            Task<CliRun> running = Task.Run(() => CliRun.Of("emulate", "--listen", "127.0.0.1:0", "--chip", Chip, "--save", save));
            Assert.IsTrue(running.Wait(TimeSpan.FromSeconds(60)), "emulate started serving with a --save it cannot write");
            CliRun run = running.Result;

            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: Cannot save the chip's contents (--save) to " + save + ": ");
            StringAssert.Contains(run.Error, kind == "directory" ? "is a directory" : "does not exist");
            StringAssert.Contains(run.Error, "the emulator did not start.");
            Assert.DoesNotContain("listening", run.Output);
            Assert.IsFalse(Directory.Exists(files.PathOf("gone")));
        }

        [TestMethod]
        public void An_image_that_cannot_be_read_gets_a_clear_message_and_the_chip_keeps_its_contents()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            byte[] old = emulator.Chip.Snapshot();

            // Reading /proc/self/mem from offset 0 fails with EIO: an I/O error on demand.
            CliRun write = CliRun.Of("write", "/proc/self/mem", "-p", emulator.Programmer, "-c", Chip, "--no-backup");
            CliRun device = CliRun.Of("verify", "/dev/zero", "-p", emulator.Programmer, "-c", Chip);

            Assert.AreEqual(ExitCodes.Failed, write.ExitCode, write.ToString());
            StringAssert.Contains(write.Error, "Cannot read image /proc/self/mem: the system reported an error reading it (");
            StringAssert.Contains(write.Error, "copy the image again from a good source");
            Assert.AreEqual(ExitCodes.Failed, device.ExitCode, device.ToString());
            StringAssert.Contains(device.Error, "Image /dev/zero is a character device, not a regular file");
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }

        [TestMethod]
        public void Emulate_with_an_unreadable_image_says_so_and_does_not_start()
        {
            Task<CliRun> running = Task.Run(() => CliRun.Of("emulate", "--listen", "127.0.0.1:0", "--chip", Chip, "--image", "/proc/self/mem"));
            Assert.IsTrue(running.Wait(TimeSpan.FromSeconds(60)), "emulate started serving");
            CliRun run = running.Result;

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: Cannot read image /proc/self/mem: the system reported an error reading it (");
            Assert.DoesNotContain("listening", run.Output);
        }

        [TestMethod]
        public void An_image_without_read_permission_says_permission_denied()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Inconclusive("Unix file permissions: not on Windows.");
                return;
            }

            using var files = new TestFiles();
            string image = files.RandomImage("locked.bin", SpiNorModels.SST25VF040B.Size, seed: 114);
            File.SetUnixFileMode(image, UnixFileMode.None);
            string[] args = ["verify", image, "-p", "emulator:" + Chip];
            int exitCode;
            string error;
            if (Environment.IsPrivilegedProcess)
            {
                // Root reads any file: run serprog as nobody, who may enter the test folder but not read the image.
                File.SetUnixFileMode(files.Directory, (UnixFileMode)0b111_101_101);
                using CliProcess? process = CliProcess.StartAsNobody(args);
                Assert.IsNotNull(process, "util-linux setpriv is needed to run serprog without root's rights.");
                exitCode = process.WaitForExit(TimeSpan.FromMinutes(2)) ?? -1;
                error = process.Error;
            }
            else
            {
                CliRun run = CliRun.Of(args);
                exitCode = run.ExitCode;
                error = run.Error;
            }

            Assert.AreEqual(ExitCodes.Failed, exitCode, error);
            StringAssert.Contains(error, "Cannot read image " + image + ": permission denied.");
        }

        private static long InodeOf(string path)
        {
            using Process stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
            string text = stat.StandardOutput.ReadToEnd();
            stat.WaitForExit();
            return long.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
