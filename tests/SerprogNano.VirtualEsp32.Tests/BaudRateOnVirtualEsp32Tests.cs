using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>O_NANO_SET_BAUD on nanoFramework's real interpreter and the ESP32's serial driver: the rate reaches uart_set_baudrate.</summary>
    public sealed partial class FirmwareOnVirtualEsp32Tests
    {
        [TestMethod]
        public void A_rate_change_reaches_the_uart_driver_and_an_unconfirmed_one_goes_back()
        {
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--trace");
            using (var raw = new RawSerprog(esp32.Port))
            {
                raw.Send(SerprogOpcode.QueryCommandMap);
                Assert.IsTrue(CommandMap.IsSet(raw.Receive(1 + SerprogLimits.CommandMapLength, TimeSpan.FromSeconds(10)), 1, SerprogNanoOpcode.SetBaudRate), "Q_CMDMAP lists O_NANO_SET_BAUD");

                // No confirmation: the host died after the ACK. The device goes back within the protocol's bound.
                byte[] toThree = BaudFrame(3000000);
                raw.Send(toThree);
                CollectionAssert.AreEqual(new[] { SerprogReply.Ack }, raw.Receive(1, TimeSpan.FromSeconds(10)));
                Thread.Sleep(SerprogNanoExtensions.BaudRevertMilliseconds);
                raw.Send(SerprogOpcode.SyncNop);
                CollectionAssert.AreEqual(new[] { SerprogReply.Nak, SerprogReply.Ack }, raw.Receive(2, TimeSpan.FromSeconds(10)), "in step at the boot rate");

                // Confirmed twice: the new rate holds.
                byte[] toFour = BaudFrame(4000000);
                raw.Send(toFour);
                CollectionAssert.AreEqual(new[] { SerprogReply.Ack }, raw.Receive(1, TimeSpan.FromSeconds(10)));
                Thread.Sleep(SerprogNanoExtensions.BaudSwitchWaitMilliseconds(VirtualEsp32.Baud));
                for (int i = 0; i < SerprogNanoExtensions.BaudConfirmations; i++)
                {
                    raw.Send(toFour);
                    CollectionAssert.AreEqual(new[] { SerprogReply.Ack }, raw.Receive(1, TimeSpan.FromSeconds(10)), "confirmation " + (i + 1));
                }

                Thread.Sleep(SerprogNanoExtensions.BaudRevertMilliseconds);
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true), "served at the new rate past the time-out");
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId());
            }

            esp32.StopAndAssertHealthy();
            int[] set = Regex.Matches(esp32.Errors, @"uart_set_baudrate UART1 (\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            CollectionAssert.AreEqual(new[] { 3000000, VirtualEsp32.Baud, 4000000 }, set, "the driver's rate: there, back, and there to stay\n" + esp32.Errors);
            StringAssert.Contains(esp32.Errors, "baud set by firmware 4000000");
        }

        private static byte[] BaudFrame(uint baudRate)
        {
            var frame = new byte[1 + SerprogNanoExtensions.BaudParameterLength];
            frame[0] = SerprogNanoOpcode.SetBaudRate;
            SerprogNanoFrames.WriteBaudParameters(frame, 1, baudRate);
            return frame;
        }
    }
}
