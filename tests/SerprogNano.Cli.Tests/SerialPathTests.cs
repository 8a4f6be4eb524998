using System.IO;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.Cli.Tests
{
    /// <summary>A serial path that cannot be a programmer says what it is instead of "Access to the port is denied", and lists the ports there are.</summary>
    [TestClass]
    public sealed class SerialPathTests
    {
        [TestMethod]
        public void Ports_are_listed_from_the_device_directory_by_id_first()
        {
            using var files = new TestFiles();
            string dev = files.Directory;
            Directory.CreateDirectory(Path.Combine(dev, "serial", "by-id"));
            foreach (string node in new[] { "ttyACM0", "ttyUSB10", "ttyUSB2", "ttyS0" })
            {
                File.WriteAllBytes(Path.Combine(dev, node), []);
            }

            string byId = Path.Combine(dev, "serial", "by-id", "usb-Espressif_USB_JTAG_serial_debug_unit-if00");
            File.CreateSymbolicLink(byId, "../../ttyACM0");
            string missing = Path.Combine(dev, "ttyACM7");

            string? message = SerialPorts.WhyNotAPort(missing, dev);

            CollectionAssert.AreEqual(
                new[] { byId + " (-> " + Path.Combine(dev, "ttyACM0") + ")", Path.Combine(dev, "ttyUSB2"), Path.Combine(dev, "ttyUSB10"), Path.Combine(dev, "ttyACM0") },
                (System.Collections.ICollection)SerialPorts.List(dev));
            Assert.AreEqual(
                "There is no " + missing + ". Serial ports here: " + byId + " (-> " + Path.Combine(dev, "ttyACM0") + "), " + Path.Combine(dev, "ttyUSB2") + ", "
                + Path.Combine(dev, "ttyUSB10") + ", " + Path.Combine(dev, "ttyACM0") + ". Name one with -p, e.g. -p " + byId + ".",
                message);
            Assert.IsFalse(File.Exists(missing));
        }

        [TestMethod]
        public void No_ports_says_where_it_looked()
        {
            using var files = new TestFiles();
            StringAssert.StartsWith(SerialPorts.Describe(files.Directory), "No serial ports found (looked for " + Path.Combine(files.Directory, "serial", "by-id", "*"));
        }

        [TestMethod]
        [DataRow("missing", "There is no {0}. ")]
        [DataRow("directory", "{0} is a directory, not a serial port. ")]
        [DataRow("file", "{0} is a regular file, not a serial port. ")]
        [DataRow("/dev/null", "/dev/null is a character device but not a serial port (it takes no terminal settings). ")]
        public void A_path_that_is_no_serial_port_says_what_it_is(string kind, string expected)
        {
            using var files = new TestFiles();
            string path = kind.StartsWith('/') ? kind : files.PathOf(kind);
            if (kind == "directory")
            {
                Directory.CreateDirectory(path);
            }
            else if (kind == "file")
            {
                File.WriteAllText(path, "not a port");
            }

            foreach (string programmer in new[] { path, "serprog:dev=" + path + ",spispeed=16M" })
            {
                CliRun run = CliRun.Of("probe", "-p", programmer);

                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, "error: Cannot open serial " + path + " at 115200 baud: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, path));
                StringAssert.Contains(run.Error, "serial");
                Assert.DoesNotContain("Access to the port", run.Error);
            }

            Assert.AreEqual(kind == "missing" ? 0 : 1, kind.StartsWith('/') ? 1 : Directory.GetFileSystemEntries(files.Directory).Length, "nothing was created or removed");
        }
    }
}
