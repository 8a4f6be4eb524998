using System;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Emulator;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Programmers.Emulator;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Serprog
{
    [TestClass]
    public sealed class SerprogClientTests
    {
        private static SerprogEmulator NewEmulator(out IdOnlyChip chip)
        {
            chip = new IdOnlyChip(0xEF, 0x40, 0x17);
            return Rig.Emulator(chip);
        }

        [TestMethod]
        public void Connect_reads_the_devices_identity_and_limits()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            using SerprogClient client = Rig.Connect(emulator);

            Assert.AreEqual(1, client.InterfaceVersion);
            Assert.AreEqual("SerprogNano emu", client.ProgrammerName);
            Assert.AreEqual(BusType.Spi, client.SupportedBusTypes);
            Assert.AreEqual(emulator.Settings.SerialBufferSize, client.SerialBufferSize);
            Assert.IsTrue(client.SerialBufferReported);
            Assert.AreEqual(emulator.Settings.MaxWriteLength, client.MaxWriteLength);
            Assert.AreEqual(emulator.Settings.MaxReadLength, client.MaxReadLength);
            Assert.IsEmpty(client.Warnings);
            Assert.IsNull(client.SpiFrequency);
        }

        [TestMethod]
        public void Connect_drives_the_pins_and_Dispose_releases_them()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            SerprogClient client = Rig.Connect(emulator);
            Assert.IsTrue(emulator.Bus.Driven);

            client.Dispose();

            Assert.IsFalse(emulator.Bus.Driven);
        }

        [TestMethod]
        public void Every_query_answers_as_the_engine_is_set_up()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            using SerprogClient client = Rig.Connect(emulator);

            client.Nop();
            Assert.AreEqual(1, client.QueryInterface());
            Assert.IsTrue(CommandMap.IsSet(client.QueryCommandMap(), 0, SerprogOpcode.SpiOperation));
            Assert.AreEqual("SerprogNano emu", client.QueryProgrammerName());
            Assert.AreEqual(emulator.Settings.SerialBufferSize, client.QuerySerialBuffer());
            Assert.AreEqual(BusType.Spi, client.QueryBusType());
            Assert.AreEqual(emulator.Settings.MaxWriteLength, client.QueryMaxWriteLength());
            Assert.AreEqual(emulator.Settings.MaxReadLength, client.QueryMaxReadLength());
            client.Synchronize();
            Assert.AreEqual(1, client.QueryInterface());
        }

        [TestMethod]
        public void Setters_reach_the_device()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            using SerprogClient client = Rig.Connect(emulator);

            Assert.AreEqual(16_000_000u, client.SetSpiFrequency(16_000_000));
            Assert.AreEqual(2_000_000u, client.SetSpiFrequency(3_000_000));
            Assert.AreEqual(2_000_000u, emulator.Bus.Frequency);
            client.SetChipSelect(0);
            client.SetBusType(BusType.Spi);
            client.SetPinState(false);
            Assert.IsFalse(emulator.Bus.Driven);
            client.SetPinState(true);
            Assert.IsTrue(emulator.Bus.Driven);
        }

        [TestMethod]
        public void Connect_applies_the_requested_frequency_and_chip_select()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            using SerprogClient client = Rig.Connect(emulator, new SerprogClientOptions { SpiFrequency = 10_000_000, ChipSelect = 0 });

            Assert.AreEqual(10_000_000u, client.SpiFrequency);
            Assert.AreEqual(10_000_000u, emulator.Bus.Frequency);
        }

        [TestMethod]
        public void A_NAK_names_the_refused_command_and_the_client_recovers()
        {
            using SerprogClient client = Rig.Connect(NewEmulator(out _));

            var e = Assert.ThrowsExactly<SerprogException>(() => client.SetChipSelect(3));
            StringAssert.Contains(e.Message, "S_SPI_CS");
            StringAssert.Contains(e.Message, "NAK");
            Assert.AreEqual(1, client.QueryInterface());
        }

        [TestMethod]
        public void A_command_missing_from_the_map_is_refused_without_being_sent()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            var link = new MonitoringTransport(new EmulatorTransport(emulator), new[] { SerprogOpcode.SetSpiChipSelect });
            using SerprogClient client = SerprogClient.Connect(link);

            var e = Assert.ThrowsExactly<SerprogUnsupportedCommandException>(() => client.SetChipSelect(1));

            StringAssert.Contains(e.Message, "S_SPI_CS");
            Assert.DoesNotContain(SerprogOpcode.SetSpiChipSelect, link.OpcodesSent);
        }

        [TestMethod]
        public void An_SPI_operation_sends_the_write_phase_and_returns_the_read_phase()
        {
            SerprogEmulator emulator = NewEmulator(out IdOnlyChip chip);
            using SerprogClient client = Rig.Connect(emulator);
            var id = new byte[3];

            client.QueueSpiOperation(new byte[] { SpiNorOpcodes.ReadJedecId }, id);
            client.Flush();

            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, id);
            CollectionAssert.AreEqual(new byte[] { SpiNorOpcodes.ReadJedecId, 0xFF, 0xFF, 0xFF }, chip.Commands[^1]);
        }

        [TestMethod]
        public void Queued_operations_are_answered_in_order()
        {
            SerprogEmulator emulator = NewEmulator(out IdOnlyChip chip);
            using SerprogClient client = Rig.Connect(emulator);
            var replies = new byte[100][];

            for (int i = 0; i < replies.Length; i++)
            {
                replies[i] = new byte[i % 2 == 0 ? 3 : 0];
                client.QueueSpiOperation(new byte[] { i % 2 == 0 ? SpiNorOpcodes.ReadJedecId : (byte)i }, replies[i]);
            }

            client.Flush();

            for (int i = 0; i < replies.Length; i += 2)
            {
                CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, replies[i]);
                Assert.AreEqual(i % 2 == 0 ? SpiNorOpcodes.ReadJedecId : i, chip.Commands[i][0]);
            }
        }

        [TestMethod]
        public void Pipelining_never_has_more_unanswered_bytes_than_the_serial_buffer()
        {
            SerprogEmulator emulator = Rig.Emulator(new IdOnlyChip(0xEF, 0x40, 0x17), new Engine.EngineSettings { ProgrammerName = "SerprogNano small", SerialBufferSize = 300 });
            MonitoringTransport link = Rig.Monitor(emulator);
            using SerprogClient client = SerprogClient.Connect(link);
            var data = new byte[260];

            for (int i = 0; i < 200; i++)
            {
                client.QueueSpiOperation(data.AsSpan(0, 1 + (i * 7 % 260)), new byte[i % 5]);
            }

            client.Flush();

            Assert.AreEqual(300, client.SerialBufferSize);
            Assert.IsLessThanOrEqualTo(300, link.MaxBytesInFlight);
            Assert.IsGreaterThan(200, link.MaxBytesInFlight, "commands were pipelined");
            Assert.AreEqual(0, link.BytesInFlight);
        }

        [TestMethod]
        public void A_device_without_optional_commands_still_works_and_is_sent_none_of_them()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            byte[] hidden = { SerprogOpcode.QuerySerialBuffer, SerprogOpcode.SetSpiFrequency, SerprogOpcode.QueryReadNMaxLength, SerprogOpcode.QueryWriteNMaxLength, SerprogOpcode.QueryProgrammerName, SerprogOpcode.SetPinState };
            // A device without S_PIN_STATE drives its pins from reset: switch the engine's on before the host comes.
            var transport = new EmulatorTransport(emulator);
            transport.Write(new byte[] { SerprogOpcode.SetPinState, 1 });
            Assert.AreEqual(SerprogReply.Ack, ReadOne(transport));
            var link = new MonitoringTransport(transport, hidden);

            using SerprogClient client = SerprogClient.Connect(link, new SerprogClientOptions { SpiFrequency = 8_000_000 });
            for (int i = 0; i < 50; i++)
            {
                client.QueueSpiOperation(new byte[] { SpiNorOpcodes.ReadJedecId }, new byte[3]);
            }

            client.Flush();
            var id = new byte[3];
            client.QueueSpiOperation(new byte[] { SpiNorOpcodes.ReadJedecId }, id);
            client.Flush();

            CollectionAssert.AreEqual(new byte[] { 0xEF, 0x40, 0x17 }, id);
            Assert.AreEqual(SerprogClientOptions.SafeSerialBufferSize, client.SerialBufferSize);
            Assert.IsFalse(client.SerialBufferReported);
            Assert.AreEqual(SerprogLimits.MaxLength24, client.MaxReadLength);
            Assert.IsNull(client.SpiFrequency);
            Assert.HasCount(4, client.Warnings);
            Assert.IsLessThanOrEqualTo(SerprogClientOptions.SafeSerialBufferSize, link.MaxBytesInFlight);
            foreach (byte opcode in hidden)
            {
                Assert.DoesNotContain(opcode, link.OpcodesSent, SerprogCommandTable.NameOf(opcode) + " was sent");
            }
        }

        private static byte ReadOne(IByteTransport transport)
        {
            var one = new byte[1];
            transport.Read(one);
            return one[0];
        }

        [TestMethod]
        public void Connect_skips_stray_bytes_and_a_half_sent_frame()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            var transport = new EmulatorTransport(emulator);

            // NOPs whose ACKs are still on the way, then an O_SPIOP header whose data never comes.
            transport.Write(new byte[] { 0, 0, 0, SerprogOpcode.SpiOperation, 100, 0, 0, 0, 0, 0 });
            using SerprogClient client = SerprogClient.Connect(transport);

            Assert.AreEqual(1, client.QueryInterface());
        }

        [TestMethod]
        public void A_stalled_device_gives_a_time_out_that_names_the_command()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            MonitoringTransport link = Rig.Monitor(emulator);
            using SerprogClient client = SerprogClient.Connect(link, new SerprogClientOptions { ReplyTimeout = TimeSpan.FromMilliseconds(100), SyncTimeout = TimeSpan.FromMilliseconds(100), SyncAttempts = 2 });
            link.Stalled = true;

            var e = Assert.ThrowsExactly<SerprogTimeoutException>(() =>
            {
                client.QueueSpiOperation(new byte[] { SpiNorOpcodes.Read, 0x12, 0x30, 0x00 }, new byte[4096], "read 4096 bytes at 0x123000");
                client.Flush();
            });

            StringAssert.Contains(e.Message, "O_SPIOP (read 4096 bytes at 0x123000)");
            CollectionAssert.Contains(e.Remedies.ToList(), Remedy.LowerSpiSpeed);
            link.Stalled = false;
            Assert.AreEqual(1, client.QueryInterface(), "the client re-synchronises after a failure");
        }

        [TestMethod]
        public void Connect_fails_clearly_when_nothing_answers()
        {
            SerprogEmulator emulator = NewEmulator(out _);
            MonitoringTransport link = Rig.Monitor(emulator);
            link.Stalled = true;

            var e = Assert.ThrowsExactly<SerprogTimeoutException>(() => SerprogClient.Connect(link, new SerprogClientOptions { SyncTimeout = TimeSpan.FromMilliseconds(50), SyncAttempts = 2 }));

            StringAssert.Contains(e.Message, "SYNCNOP");
        }

        [TestMethod]
        public void Operations_longer_than_the_device_allows_are_refused_before_sending()
        {
            using SerprogClient client = Rig.Connect(NewEmulator(out _));

            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => client.QueueSpiOperation(new byte[4097], Memory<byte>.Empty));
        }
    }
}
