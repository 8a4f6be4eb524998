using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>A frame whose bytes stop arriving is dropped after the link's time-out, and the engine stays usable.</summary>
    [TestClass]
    public sealed class FrameTimeoutTests
    {
        [TestMethod]
        [DataRow(SerprogOpcode.SetBusType)]
        [DataRow(SerprogOpcode.SetSpiFrequency)]
        [DataRow(SerprogOpcode.SetPinState)]
        [DataRow(SerprogOpcode.SetSpiChipSelect)]
        [DataRow(SerprogOpcode.SetSpiMode)]
        [DataRow(SerprogOpcode.SetChipSelectMode)]
        [DataRow(SerprogOpcode.SpiOperation)]
        public void Opcode_without_its_parameters_is_dropped(byte opcode)
        {
            using var engine = RecordingEngine.Start();
            engine.Send(opcode);
            engine.WaitForFrameTimeout();
            Assert.AreEqual(0, engine.Host.BytesAvailable, "a dropped frame gets no reply");
            engine.AssertInSync();
            Assert.AreEqual(1, engine.Engine.FramesDropped);
        }

        [TestMethod]
        public void Spi_operation_with_half_its_header_is_dropped()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            engine.Send(SerprogOpcode.SpiOperation, 4, 0, 0);
            engine.WaitForFrameTimeout();
            engine.AssertInSync();
            Assert.AreEqual(0, engine.Target.Selects);
        }

        [TestMethod]
        public void Spi_operation_whose_data_stops_never_reaches_the_chip()
        {
            using var engine = RecordingEngine.Start();
            engine.DrivePins();
            engine.Send(EngineHarness.SpiHeader(260, 0));
            engine.Send(0x02, 0x00, 0x10, 0x00, 0xAA, 0xBB);
            engine.WaitForFrameTimeout();
            engine.AssertInSync();
            Assert.AreEqual(0, engine.Target.Selects, "a half-received page program must not be clocked into the chip");
            Assert.AreEqual(1, engine.Engine.FramesDropped);
        }

        [TestMethod]
        public void Refused_operation_whose_data_stops_is_dropped_without_reply()
        {
            using var engine = RecordingEngine.Start(new EngineSettings { MaxWriteLength = 16 });
            engine.DrivePins();
            engine.Send(EngineHarness.SpiHeader(100, 0));
            engine.Send(new byte[10]);
            engine.WaitForFrameTimeout();
            Assert.AreEqual(0, engine.Host.BytesAvailable);
            engine.AssertInSync();
        }

        [TestMethod]
        public void Parameters_split_across_writes_within_the_time_out_are_joined()
        {
            using var engine = RecordingEngine.Start();
            engine.Send(SerprogOpcode.SetSpiFrequency, 0x00);
            engine.WaitUntilAllSentIsRead();
            engine.Send(0x2D, 0x31);
            engine.WaitUntilAllSentIsRead();
            engine.Send(0x01);
            CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, 0x00, 0x2D, 0x31, 0x01 }, engine.Receive(5));
            Assert.AreEqual(0, engine.Engine.FramesDropped);
        }
    }
}
