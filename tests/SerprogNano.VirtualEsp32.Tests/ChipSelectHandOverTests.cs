using System;
using System.IO;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>
    /// Chip select changes hands on the ESP32: the SPI driver frames a cycle of one transfer with it, a GpioPin holds
    /// it across transfers (a read longer than the buffer, S_CS_MODE). On the real natives, whichever has it.
    /// </summary>
    public sealed partial class FirmwareOnVirtualEsp32Tests
    {
        private const int LongerThanTheBuffer = 40_000;

        [TestMethod]
        public void Chip_select_changes_hands_between_single_transfers_and_held_cycles_and_never_lets_a_byte_out_unselected()
        {
            string start = Flashrom.RandomImage(Directory, ChipSize, seed: 113);
            byte[] image = File.ReadAllBytes(start);
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--image", start, "--trace");
            using (var raw = new RawSerprog(esp32.Port))
            {
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                for (int round = 0; round < 3; round++)
                {
                    CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId(), "one transfer: the driver's chip select");
                    int address = 0x12345 + round * 0x10000;
                    raw.SendSpiOperation(new byte[] { SpiNorOpcodes.Read, (byte)(address >> 16), (byte)(address >> 8), (byte)address }, LongerThanTheBuffer);
                    byte[] reply = raw.Receive(1 + LongerThanTheBuffer, TimeSpan.FromSeconds(30));
                    Assert.AreEqual(SerprogReply.Ack, reply[0]);
                    CollectionAssert.AreEqual(image.AsSpan(address, LongerThanTheBuffer).ToArray(), reply[1..], $"round {round}: a read held across transfers");
                }

                // S_CS_MODE "selected": RDID's opcode in one operation, its id in the next, one cycle held between them.
                raw.Send(SerprogOpcode.SetChipSelectMode, ChipSelectMode.Selected);
                Assert.AreEqual(SerprogReply.Ack, raw.Receive(1, TimeSpan.FromSeconds(10))[0]);
                raw.SendSpiOperation(new byte[] { SpiNorOpcodes.ReadJedecId }, 0);
                Assert.AreEqual(SerprogReply.Ack, raw.Receive(1, TimeSpan.FromSeconds(10))[0]);
                raw.SendSpiOperation(Array.Empty<byte>(), 3);
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.Receive(4, TimeSpan.FromSeconds(10)), "the id, chip select held across two operations");
                raw.Send(SerprogOpcode.SetChipSelectMode, ChipSelectMode.Auto);
                Assert.AreEqual(SerprogReply.Ack, raw.Receive(1, TimeSpan.FromSeconds(10))[0]);
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0xEF, 0x40, 0x17 }, raw.ReadJedecId(), "and back to the driver's");
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(false));
            }

            esp32.StopAndAssertHealthy();
            string[] trace = esp32.Errors.Split('\n');
            // After the bus's own device has opened: it clocks its opening bytes with chip select high, by design.
            int driven = Array.FindIndex(trace, l => l.Contains("spi_bus_add_device", StringComparison.Ordinal)) + 2;
            int[] unselected = Enumerable.Range(driven, trace.Length - driven)
                .Where(i => trace[i].Contains("spi transfer", StringComparison.Ordinal) && trace[i].Contains("[flash /CS high]", StringComparison.Ordinal)).ToArray();
            Assert.IsEmpty(unselected, "SPI transfers with /CS high once the lines were driven:\n" + string.Join("\n--\n", unselected.Take(3).Select(i => string.Join("\n", trace[(i - 8)..(i + 1)]))));
            int handOvers = trace[driven..].Count(l => l.Contains("gpio_config GPIO4 mode=in", StringComparison.Ordinal));
            Assert.IsGreaterThanOrEqualTo(5, handOvers, "the line went to the SPI driver before each of the 4 runs of single transfers (and back to a GpioPin in between), then was released");
        }
    }
}
