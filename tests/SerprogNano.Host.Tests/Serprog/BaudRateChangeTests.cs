using System;
using System.Linq;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Serprog
{
    /// <summary>
    /// The client's O_NANO_SET_BAUD against the emulator's engine on a <see cref="UartPair"/>, whose adapter turns bytes
    /// into noise above its top rate: the change, the fall-back with its warning, and a host that dies mid-change.
    /// </summary>
    [TestClass]
    public sealed class BaudRateChangeTests
    {
        private const int BootRate = 2000000;
        private const int NewRate = 4000000;
        private const int EspMaxRate = 5000000;

        [TestMethod]
        public void Moves_both_ends_when_the_adapter_can()
        {
            using var rig = new PairRig(adapterMaxRate: 6000000);
            using SerprogClient client = rig.Connect(NewRate);

            Assert.AreEqual(0, client.Warnings.Count, string.Join(" ", client.Warnings));
            Assert.AreEqual(NewRate, rig.Host.BaudRate);
            Thread.Sleep(SerprogNanoExtensions.BaudRevertMilliseconds);
            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, ReadId(client), "the chip answers at the new rate, past the device's time-out");
            CollectionAssert.AreEqual(new[] { NewRate }, rig.Pair.DeviceRateChanges);
        }

        [TestMethod]
        public void Falls_back_and_says_so_when_the_adapter_cannot()
        {
            using var rig = new PairRig(adapterMaxRate: 3000000);
            using SerprogClient client = rig.Connect(NewRate);

            string warning = client.Warnings.Single();
            StringAssert.Contains(warning, "The adapter did not work at 4000000 baud; going on at 2000000 baud; try a lower --baud.");
            Assert.AreEqual(BootRate, rig.Host.BaudRate);
            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, ReadId(client), "the session goes on at the old rate");
            CollectionAssert.AreEqual(new[] { NewRate, BootRate }, rig.Pair.DeviceRateChanges);
        }

        [TestMethod]
        public void The_next_session_after_a_host_that_died_mid_change_works_at_the_boot_rate()
        {
            using var rig = new PairRig(adapterMaxRate: 6000000);
            var frame = new byte[1 + SerprogNanoExtensions.BaudParameterLength];
            frame[0] = SerprogNanoOpcode.SetBaudRate;
            SerprogNanoFrames.WriteBaudParameters(frame, 1, NewRate);
            rig.Host.Write(frame);
            var ack = new byte[1];
            rig.Host.Read(ack);
            Assert.AreEqual(SerprogReply.Ack, ack[0]);

            // The host dies here; the next one opens the port at the boot rate at once.
            using SerprogClient next = SerprogClient.Connect(rig.Pair.OpenHost(BootRate));

            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, ReadId(next));
            CollectionAssert.AreEqual(new[] { NewRate, BootRate }, rig.Pair.DeviceRateChanges);
        }

        [TestMethod]
        public void A_later_session_with_the_same_rate_finds_the_device_where_the_last_one_left_it()
        {
            using var rig = new PairRig(adapterMaxRate: 6000000);
            using (rig.Connect(NewRate))
            {
            }

            using SerprogClient next = SerprogClient.Connect(rig.Pair.OpenHost(BootRate), new SerprogClientOptions { BaudRate = NewRate });

            Assert.AreEqual(0, next.Warnings.Count, string.Join(" ", next.Warnings));
            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, ReadId(next));
            CollectionAssert.AreEqual(new[] { NewRate }, rig.Pair.DeviceRateChanges, "no second change was needed");
        }

        [TestMethod]
        public void A_rate_above_the_boards_maximum_is_refused_with_a_warning()
        {
            using var rig = new PairRig(adapterMaxRate: 12000000);
            using SerprogClient client = rig.Connect(6000000);

            StringAssert.Contains(client.Warnings.Single(), "cannot run its UART at 6000000 baud");
            Assert.AreEqual(BootRate, rig.Host.BaudRate);
            Assert.AreEqual(0, rig.Pair.DeviceRateChanges.Length);
        }

        [TestMethod]
        public void A_programmer_without_the_command_says_it_stays_at_the_old_rate()
        {
            using var rig = new PairRig(adapterMaxRate: 12000000, extensions: false);
            using SerprogClient client = rig.Connect(NewRate);

            StringAssert.Contains(client.Warnings.Last(), "cannot change its line rate (it does not offer O_NANO_SET_BAUD): going on at 2000000 baud");
            Assert.AreEqual(BootRate, rig.Host.BaudRate);
        }

        [TestMethod]
        public void A_link_without_a_rate_says_the_rate_was_not_set()
        {
            SerprogEmulator emulator = Rig.Emulator(new EmulatedSpiNor(SpiNorModels.W25Q64FV));
            using SerprogClient client = Rig.Connect(emulator, new SerprogClientOptions { BaudRate = NewRate });

            StringAssert.Contains(client.Warnings.Single(), "has no baud rate: 4000000 baud was not set");
        }

        private static byte[] ReadId(SerprogClient client)
        {
            var id = new byte[3];
            client.QueueSpiOperation(new byte[] { 0x9F }, id);
            client.Flush();
            return id;
        }

        /// <summary>The emulator's engine (an ESP32's top rate) on a <see cref="UartPair"/> from the boot rate.</summary>
        private sealed class PairRig : IDisposable
        {
            private readonly Thread _device;

            public PairRig(int adapterMaxRate, bool extensions = true)
            {
                Pair = new UartPair(BootRate, EspMaxRate, adapterMaxRate, TimeSpan.FromMilliseconds(500));
                var emulator = new SerprogEmulator(new EmulatedSpiNor(SpiNorModels.W25Q64FV)) { Extensions = extensions };
                _device = new Thread(() => emulator.Serve(Pair.Device)) { IsBackground = true, Name = "serprog emulator" };
                _device.Start();
                Host = Pair.OpenHost(BootRate);
            }

            public UartPair Pair { get; }

            public UartPair.HostEnd Host { get; }

            public SerprogClient Connect(int baudRate) => SerprogClient.Connect(Host, new SerprogClientOptions { BaudRate = baudRate });

            public void Dispose()
            {
                Pair.Dispose();
                _device.Join();
            }
        }
    }
}
