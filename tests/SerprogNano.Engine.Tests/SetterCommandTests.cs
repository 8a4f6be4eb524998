using SerprogNano.Chips;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>S_BUSTYPE, S_SPI_FREQ, S_PIN_STATE, S_SPI_CS, S_SPI_MODE and S_CS_MODE with good and bad parameters.</summary>
    [TestClass]
    public sealed class SetterCommandTests
    {
        [TestMethod]
        public void Bus_type_spi_is_accepted_alone_or_among_others()
        {
            using var engine = RecordingEngine.Start();
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetBusType, BusType.Spi));
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetBusType, 0x0F));
        }

        [TestMethod]
        public void Bus_types_without_spi_are_refused()
        {
            using var engine = RecordingEngine.Start();
            EngineHarness.AssertNak(engine.Status(SerprogOpcode.SetBusType, BusType.Parallel));
            EngineHarness.AssertNak(engine.Status(SerprogOpcode.SetBusType, 0));
            engine.AssertInSync();
        }

        [TestMethod]
        [DataRow(20_000_000u, 20_000_000u)]
        [DataRow(3_000_000u, 2_000_000u)]
        [DataRow(1u, 100_000u)]
        [DataRow(uint.MaxValue, 80_000_000u)]
        public void Frequency_grants_the_highest_step_at_or_below_the_request_else_the_lowest(uint requested, uint granted)
        {
            using var engine = RecordingEngine.Start();
            var parameters = new byte[4];
            LittleEndian.WriteUInt32(parameters, 0, requested);
            byte[] reply = engine.Command(SerprogOpcode.SetSpiFrequency, 4, parameters);
            EngineHarness.AssertAck(reply[0]);
            Assert.AreEqual(granted, LittleEndian.ReadUInt32(reply, 1));
            Assert.AreEqual(granted, engine.Bus.Frequency);
        }

        [TestMethod]
        public void Frequency_zero_is_refused()
        {
            using var engine = RecordingEngine.Start();
            EngineHarness.AssertNak(engine.Status(SerprogOpcode.SetSpiFrequency, 0, 0, 0, 0));
            engine.AssertInSync();
        }

        [TestMethod]
        public void Engine_starts_with_pins_released_and_pin_state_toggles_them()
        {
            using var engine = RecordingEngine.Start();
            Assert.IsFalse(engine.Bus.Driven, "pins must be released at start-up");
            engine.DrivePins();
            Assert.IsTrue(engine.Bus.Driven);
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetPinState, 0));
            Assert.IsFalse(engine.Bus.Driven);
        }

        [TestMethod]
        public void Closing_the_link_releases_the_pins()
        {
            var engine = RecordingEngine.Start();
            engine.DrivePins();
            engine.Dispose();
            Assert.IsFalse(engine.Bus.Driven);
        }

        [TestMethod]
        public void Chip_select_index_must_exist()
        {
            using var engine = RecordingEngine.Start(chipSelectLines: 2);
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetSpiChipSelect, 1));
            EngineHarness.AssertNak(engine.Status(SerprogOpcode.SetSpiChipSelect, 2));
            engine.AssertInSync();
        }

        [TestMethod]
        public void Spi_operations_go_to_the_selected_chip()
        {
            using var engine = RecordingEngine.Start(chipSelectLines: 2);
            engine.DrivePins();
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetSpiChipSelect, 1));
            engine.SpiOperation(new byte[] { SpiNorOpcodes.ReadJedecId }, 3);
            Assert.AreEqual(0, engine.Targets[0].Selects);
            Assert.AreEqual("S 9f ff ff ff D", engine.Targets[1].Events);
        }

        [TestMethod]
        public void Spi_mode_accepts_half_and_full_duplex_only()
        {
            using var engine = RecordingEngine.Start();
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetSpiMode, SpiMode.FullDuplex));
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetSpiMode, SpiMode.HalfDuplex));
            EngineHarness.AssertNak(engine.Status(SerprogOpcode.SetSpiMode, 2));
            engine.AssertInSync();
        }

        [TestMethod]
        public void Full_duplex_exchanges_slen_bytes_and_returns_what_came_in()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetSpiMode, SpiMode.FullDuplex));
            byte[] reply = engine.SpiOperation(new byte[] { 1, 2, 3, 4 }, 4);
            CollectionAssert.AreEqual(new[] { RecordingSpiTarget.PatternAt(0), RecordingSpiTarget.PatternAt(1), RecordingSpiTarget.PatternAt(2), RecordingSpiTarget.PatternAt(3) }, reply);
            Assert.AreEqual("S 01 02 03 04 D", engine.Target.Events);
        }

        [TestMethod]
        public void Full_duplex_with_rlen_unlike_slen_is_refused_and_its_data_swallowed()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetSpiMode, SpiMode.FullDuplex));
            EngineHarness.AssertNak(engine.SpiOperation(new byte[] { 1, 2, 3 }, 4)[0]);
            engine.AssertInSync();
            Assert.AreEqual(0, engine.Target.Selects);
        }

        [TestMethod]
        public void Chip_select_mode_selected_holds_cs_across_operations()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetChipSelectMode, ChipSelectMode.Selected));
            Assert.IsTrue(engine.Target.Selected);
            engine.SpiOperation(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, 2);
            engine.SpiOperation(System.Array.Empty<byte>(), 2);
            Assert.AreEqual(1, engine.Target.Selects, "CS must not toggle between operations");
            Assert.IsTrue(engine.Target.Selected);
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetChipSelectMode, ChipSelectMode.Auto));
            Assert.IsFalse(engine.Target.Selected);
        }

        [TestMethod]
        public void Chip_select_mode_deselected_keeps_cs_high()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            EngineHarness.AssertAck(engine.Status(SerprogOpcode.SetChipSelectMode, ChipSelectMode.Deselected));
            engine.SpiOperation(new byte[] { 0xFF }, 1);
            Assert.AreEqual(0, engine.Target.Selects);
        }

        [TestMethod]
        public void Chip_select_mode_out_of_range_is_refused()
        {
            using var engine = RecordingEngine.Start();
            EngineHarness.AssertNak(engine.Status(SerprogOpcode.SetChipSelectMode, 3));
            engine.AssertInSync();
        }
    }
}
