using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SerprogNano.Cli.Tests
{
    /// <summary>
    /// Issue 21 finding 9: .NET decodes argv as UTF-8, so `read $'dump\xff\xfe.bin'` created "dump" + two U+FFFD
    /// + ".bin" and `write $'img\xff.bin'` said the file did not exist. Such a name is refused (exit 2), and no
    /// file is created under any name.
    /// </summary>
    [TestClass]
    public sealed class NonUtf8NameTests
    {
        [TestMethod]
        public void Read_to_a_name_that_is_not_utf8_creates_no_file_and_says_why()
        {
            using var files = new TestFiles();
            using CliProcess read = CliProcess.StartWithShellWords("read \"$(printf '%s/dump\\377\\376.bin' '" + files.Directory + "')\" -p emulator:SST25VF040B --json");

            int? exitCode = read.WaitForExit(TimeSpan.FromSeconds(120));

            Assert.AreEqual(ExitCodes.Usage, exitCode, read.ToString());
            StringAssert.Contains(read.Error, "/dump\\xFF\\xFE.bin') is not UTF-8", read.ToString());
            using var json = JsonDocument.Parse(read.Output);
            Assert.AreEqual(2, json.RootElement.GetProperty("exitCode").GetInt32());
            StringAssert.Contains(json.RootElement.GetProperty("error").GetString(), "is not UTF-8");
            Assert.IsFalse(Directory.EnumerateFileSystemEntries(files.Directory).Any(), "no file under any name: " + string.Join(", ", Directory.GetFileSystemEntries(files.Directory)));
        }

        [TestMethod]
        public void Write_from_a_name_that_is_not_utf8_is_refused_as_such_not_as_missing()
        {
            using var files = new TestFiles();
            string name = "\"$(printf '%s/img\\377.bin' '" + files.Directory + "')\"";
            using (CliProcess make = CliProcess.StartWithShellWords("chips >" + name))
            {
                Assert.AreEqual(0, make.WaitForExit(TimeSpan.FromSeconds(120)), make.ToString());
            }

            using CliProcess write = CliProcess.StartWithShellWords("write " + name + " -p emulator:SST25VF040B --no-backup");
            int? exitCode = write.WaitForExit(TimeSpan.FromSeconds(120));

            // .NET cannot name the file to delete it either.
            using (Process remove = Process.Start("/bin/sh", ["-c", "rm -f " + name])!)
            {
                remove.WaitForExit();
            }

            Assert.AreEqual(ExitCodes.Usage, exitCode, write.ToString());
            StringAssert.Contains(write.Error, "/img\\xFF.bin') is not UTF-8", write.ToString());
            Assert.DoesNotContain("does not exist", write.Error);
        }
    }
}
