using System.IO;
using System.Net;
using System.Net.Sockets;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Cli.Tests
{
    /// <summary>A second client of `serprog emulate` / `serprog serve` hears that the programmer is busy, not a SYNCNOP failure.</summary>
    [TestClass]
    public sealed class BusyServerTests
    {
        [TestMethod]
        public void A_second_client_is_told_the_programmer_is_busy_and_the_chip_is_not_touched()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            byte[] old = emulator.Chip.Snapshot();
            string image = files.RandomImage("new.bin", SpiNorModels.SST25VF040B.Size, seed: 121);
            var first = new TcpClient(AddressFamily.InterNetwork);
            first.Connect(IPEndPoint.Parse(emulator.Programmer["tcp:".Length..]));

            CliRun second = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "SST25VF040B", "--no-backup", "--unprotect");

            Assert.AreEqual(ExitCodes.Failed, second.ExitCode, second.ToString());
            StringAssert.Contains(second.Error, "is busy with another client (" + ((IPEndPoint)first.Client.LocalEndPoint!) + ")");
            StringAssert.Contains(second.Error, "take one client at a time. Wait until the other one is done, then run the command again.");
            Assert.DoesNotContain("did not answer SYNCNOP", second.Error);
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());

            first.Dispose();
            CliRun afterwards = CliRun.Of("verify", image, "-p", emulator.Programmer, "-c", "SST25VF040B");
            Assert.AreEqual(ExitCodes.Failed, afterwards.ExitCode, afterwards.ToString());
            StringAssert.Contains(afterwards.Error, "The chip differs from new.bin", "once the first client left, the next one is served");
        }
    }
}
