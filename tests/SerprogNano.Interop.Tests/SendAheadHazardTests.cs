using System;
using System.IO;
using System.Text;
using SerprogNano.Chips;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog.Compatibility;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Interop.Tests.Doubles;

namespace SerprogNano.Interop.Tests
{
    /// <summary>
    /// What the compatibility table protects against: the doubles reproduce the firmwares' bugs when the host
    /// believes their Q_SERBUF and sends ahead, so the table's stop-and-wait is what makes them work. And even
    /// then, two read passes cut into different O_SPIOPs never agree on wrong bytes.
    /// </summary>
    [TestClass]
    public sealed class SendAheadHazardTests
    {
        /// <summary>The host before the table: every device's Q_SERBUF believed.</summary>
        private const string TrustEveryone = """
            { "firmwares": [ { "id": "trusting", "title": "any firmware", "source": "its Q_SERBUF", "namePrefix": "", "sendAheadLimit": 65535, "why": "it says so" } ] }
            """;

        [TestMethod]
        [DataRow(Firmware.PicoSerprog)]
        [DataRow(Firmware.StmVserprog)]
        public void Believing_Q_SERBUF_breaks_the_firmware_and_two_differently_cut_passes_never_agree_on_wrong_bytes(Firmware firmware)
        {
            using var served = new ServedFirmware(firmware, Emulator.Chip.SpiNorModels.W25Q16JV);
            byte[] original = FirmwareCompatibilityTests.RandomBytes(served.Chip.Model.Size, 77);
            served.Chip.Load(original);
            var trusting = FirmwareProfiles.Parse(new MemoryStream(Encoding.UTF8.GetBytes(TrustEveryone)));

            bool broke = false;
            try
            {
                MultiPassReadResult result = ReadTwice(served, trusting);
                broke = !result.Data.AsSpan().SequenceEqual(original);
                Console.WriteLine(firmware + ": trusting read " + (broke ? "wrong" : "right") + ", passes " + (result.Consistent ? "agree" : "differ at 0x" + result.FirstMismatch!.Value.ToString("X")));
                Assert.IsFalse(result.Consistent && broke, "two passes agreed on a wrong dump");
            }
            catch (SerprogException e)
            {
                broke = true; // Out of step: the host noticed. Not a wrong dump.
                Console.WriteLine(firmware + ": trusting read failed: " + e.Message);
            }

            Assert.IsTrue(broke, "sending ahead to " + firmware + " should break it as its source does; the double models no bug");

            // The table drives it stop-and-wait: the same read is right.
            MultiPassReadResult right = ReadTwice(served, FirmwareProfiles.Default);
            Assert.IsTrue(right.Consistent);
            CollectionAssert.AreEqual(original, right.Data);
        }

        private static MultiPassReadResult ReadTwice(ServedFirmware served, FirmwareProfiles table)
        {
            string[] endpoint = served.Endpoint.Split(':');
            using SerprogClient client = SerprogClient.Connect(
                new TcpTransport(endpoint[0], int.Parse(endpoint[1], System.Globalization.CultureInfo.InvariantCulture)),
                new SerprogClientOptions { Firmwares = table, ReplyTimeout = TimeSpan.FromSeconds(1) });
            var master = new RetryingSpiMaster(new SerprogSpiMaster(client)); // As the CLI drives it: a time-out is retried after SYNCNOP.
            SpiNorFlash flash = new SpiNorFlash(master, ChipProber.Probe(master, ChipDatabase.Default, "W25Q16.V").Chip, SerprogDeviceSide.Of(client));
            return MultiPassReader.Read(flash, 0, (int)flash.Size, passes: 2);
        }
    }
}
