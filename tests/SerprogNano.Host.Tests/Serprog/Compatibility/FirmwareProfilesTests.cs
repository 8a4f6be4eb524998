using System;
using System.IO;
using System.Text;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Host.Serprog.Compatibility;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Serprog.Compatibility
{
    /// <summary>The compatibility table: which firmware is which, and how each is driven.</summary>
    [TestClass]
    public sealed class FirmwareProfilesTests
    {
        private const int NoLimit = SerprogLimits.MaxLength24;

        private static readonly byte[] PicoUpstream =
        {
            SerprogOpcode.Nop, SerprogOpcode.QueryInterface, SerprogOpcode.QueryCommandMap, SerprogOpcode.QueryProgrammerName,
            SerprogOpcode.QuerySerialBuffer, SerprogOpcode.QueryBusType, SerprogOpcode.SyncNop, SerprogOpcode.SpiOperation,
            SerprogOpcode.SetBusType, SerprogOpcode.SetSpiFrequency, SerprogOpcode.SetPinState,
        };

        [TestMethod]
        public void Upstream_pico_serprog_is_driven_stop_and_wait_with_its_4096_byte_write_buffer()
        {
            FirmwareDriving driving = FirmwareProfiles.Default.Choose("pico-serprog", Map(PicoUpstream), 0xFFFF, NoLimit, NoLimit);
            Assert.AreEqual("pico-serprog", driving.Id);
            Assert.IsTrue(driving.StopAndWait);
            Assert.AreEqual(4096, driving.MaxWriteLength);
            Assert.AreEqual(NoLimit, driving.MaxReadLength);
            StringAssert.Contains(driving.Reason, "newlib");
        }

        [TestMethod]
        public void The_libreboot_fork_is_told_apart_by_S_SPI_CS_in_its_map_and_is_never_sent_it()
        {
            FirmwareDriving driving = FirmwareProfiles.Default.Choose("pico-serprog", Map([.. PicoUpstream, SerprogOpcode.SetSpiChipSelect]), 0xFFFF, NoLimit, NoLimit);
            Assert.AreEqual("pico-serprog-libreboot", driving.Id);
            Assert.AreEqual(4096, driving.SendAheadBytes, "its Q_SERBUF 0xFFFF is capped");
            Assert.IsTrue(driving.Avoid.ContainsKey(SerprogOpcode.SetSpiChipSelect));
        }

        [TestMethod]
        public void A_known_name_with_another_command_map_is_unknown_and_stop_and_wait()
        {
            FirmwareDriving driving = FirmwareProfiles.Default.Choose("pico-serprog", Map([.. PicoUpstream, SerprogOpcode.QueryReadNMaxLength]), 0xFFFF, NoLimit, NoLimit);
            Assert.IsNull(driving.Profile);
            Assert.AreEqual("unknown", driving.Id);
            Assert.IsTrue(driving.StopAndWait);
            StringAssert.Contains(driving.Reason, "its command map (");
            StringAssert.Contains(driving.Reason, "stop-and-wait as flashprog drives it");
        }

        [TestMethod]
        public void An_unknown_name_is_stop_and_wait_whatever_its_Q_SERBUF_says()
        {
            FirmwareDriving driving = FirmwareProfiles.Default.Choose("acme-flasher", Map(PicoUpstream), 0xFFFF, 1000, 2000);
            Assert.IsTrue(driving.StopAndWait);
            Assert.AreEqual(1000, driving.MaxWriteLength);
            Assert.AreEqual(2000, driving.MaxReadLength);
            StringAssert.Contains(driving.Reason, "unknown firmware \"acme-flasher\"");
        }

        [TestMethod]
        [DataRow("SerprogNano-E32", 4096, 4096)]
        [DataRow("SerprogNano emu", 300, 300)]
        [DataRow("frser-duino", 1020, 1020)]
        [DataRow("esp32-serprog", 0xFFFF, 4096)]
        [DataRow("esp32-serprog", 4096, 4096)]
        public void Pipelining_goes_as_far_as_the_smaller_of_the_profile_and_Q_SERBUF(string name, int serialBuffer, int expected)
        {
            byte[] map = name switch
            {
                "frser-duino" => Map(0, 1, 2, 3, 4, 5, 7, 8, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15),
                "esp32-serprog" => Map(0, 1, 2, 3, 4, 5, 8, 0x10, 0x11, 0x12, 0x13, 0x14),
                _ => Map(PicoUpstream),
            };
            FirmwareDriving driving = FirmwareProfiles.Default.Choose(name, map, serialBuffer, 2047, 2047);
            Assert.AreEqual(expected, driving.SendAheadBytes, driving.Reason);
        }

        [TestMethod]
        public void Our_firmware_without_Q_SERBUF_is_stop_and_wait()
        {
            FirmwareDriving driving = FirmwareProfiles.Default.Choose("SerprogNano", Map(PicoUpstream), null, NoLimit, NoLimit);
            Assert.AreEqual("serprognano", driving.Id);
            Assert.IsTrue(driving.StopAndWait);
        }

        [TestMethod]
        public void A_table_naming_no_serprog_command_is_refused_with_the_entry()
        {
            const string json = """{ "firmwares": [ { "id": "x", "title": "X", "source": "s", "name": "x", "commandMap": [ "O_FROB" ], "why": "w" } ] }""";
            var error = Assert.ThrowsExactly<FormatException>(() => FirmwareProfiles.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
            StringAssert.Contains(error.Message, "entry #0 \"x\" names \"O_FROB\"");
        }

        [TestMethod]
        public void An_unknown_device_never_has_two_commands_in_flight_and_programs_pages_as_flashprog()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            var emulator = Rig.Emulator(chip, new Engine.EngineSettings { ProgrammerName = "other" });
            MonitoringTransport link = Rig.Monitor(emulator);
            using SerprogClient client = SerprogClient.Connect(link);
            var master = new SerprogSpiMaster(client);
            Assert.IsFalse(master.SendsAhead, client.Driving.Reason);
            SpiNorFlash flash = new SpiNorFlash(master, ChipProber.Probe(master, ChipDatabase.Default, FlashRig.ForcedNameFor(SpiNorModels.W25Q32FV)).Chip, SerprogDeviceSide.Of(client));
            byte[] data = FlashRig.RandomImage(16 * 256, 5);
            int before = link.OpcodesSent.Count;

            flash.Program(0x10000, data);

            Assert.IsLessThanOrEqualTo(1 + 6 + 4 + 256, link.MaxBytesInFlight, "one command at a time");
            Assert.AreEqual(16 * 3, link.OpcodesSent.Count - before, "WREN, page program and one status read per page (the emulated chip is never busy)");
            CollectionAssert.AreEqual(data, chip.Snapshot().AsSpan(0x10000, data.Length).ToArray());
        }

        private static byte[] Map(params byte[] opcodes)
        {
            var map = new byte[SerprogLimits.CommandMapLength];
            foreach (byte opcode in opcodes)
            {
                CommandMap.Set(map, 0, opcode);
            }

            return map;
        }
    }
}
