using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;

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
            first.Connect(EndPoint(emulator));

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

        /// <summary>Issue 21 finding 12: a client that connected and went quiet held the programmer for ever.</summary>
        [TestMethod]
        public void A_silent_client_is_disconnected_after_the_idle_time_out_and_the_next_one_is_served()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B, idleTimeout: TimeSpan.FromSeconds(2));
            using var silent = new TcpClient(AddressFamily.InterNetwork);
            silent.Connect(EndPoint(emulator));
            silent.Client.ReceiveTimeout = 20_000;
            var clock = Stopwatch.StartNew();

            int received = silent.Client.Receive(new byte[64]);

            Assert.AreEqual(0, received, "the server closes the connection");
            Assert.IsTrue(clock.Elapsed >= TimeSpan.FromSeconds(1.5) && clock.Elapsed < TimeSpan.FromSeconds(15), "closed after about 2 s: " + clock.Elapsed);
            CliRun next = CliRun.Of("probe", "-p", emulator.Programmer, "-c", "SST25VF040B");
            Assert.AreEqual(ExitCodes.Ok, next.ExitCode, next.ToString());
        }

        /// <summary>Issue 21 finding 12: the accept loop spent about a second on each pending connection (100: 37 refused in 60 s).</summary>
        [TestMethod]
        public void Many_clients_at_once_are_all_refused_within_seconds()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            using var first = new TcpClient(AddressFamily.InterNetwork);
            first.Connect(EndPoint(emulator));
            var clock = Stopwatch.StartNew();

            string[] banners = Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => BannerOf(emulator)))).Result;

            Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(10), "40 refusals took " + clock.Elapsed);
            foreach (string banner in banners)
            {
                StringAssert.StartsWith(banner, SerprogTcpBanner.Busy);
            }
        }

        private static IPEndPoint EndPoint(EmulatorOverTcp emulator) => IPEndPoint.Parse(emulator.Programmer["tcp:".Length..]);

        private static string BannerOf(EmulatorOverTcp emulator)
        {
            using var client = new TcpClient(AddressFamily.InterNetwork);
            client.Connect(EndPoint(emulator));
            client.Client.ReceiveTimeout = 30_000;
            var buffer = new byte[256];
            int length = 0;
            int read;
            while (length < buffer.Length && (read = client.Client.Receive(buffer, length, buffer.Length - length, SocketFlags.None)) > 0)
            {
                length += read;
            }

            return Encoding.ASCII.GetString(buffer, 0, length);
        }
    }
}
