using System;
using System.IO.Ports;
using nanoFramework.TestFramework;
using SerprogNano.Esp32;

namespace SerprogNano.DeviceTests
{
    /// <summary>The serprog UART with TX wired to RX: ISerialLink's contract on the real SerialPort.</summary>
    [TestClass]
    public class SerialLinkTests
    {
        private static SerialPort _port;
        private static SerialPortLink _link;

        [Setup]
        public void OpenTheUart()
        {
            _port = SerialPortSetup.Open(TestBench.Board);
            _link = new SerialPortLink(_port, FirmwareSettings.SerialReceiveBufferSize);
        }

        [Cleanup]
        public void CloseTheUart()
        {
            _port.Dispose();
        }

        [TestMethod]
        public void Bytes_sent_come_back_in_one_read()
        {
            byte[] sent = TestBench.Pattern(300);
            byte[] received = new byte[300];

            _link.Write(sent, 0, sent.Length);

            Assert.AreEqual(300, _link.Read(received, 0, received.Length));
            SpiLoopbackTests.AssertBytes(sent, 0, received, 0, 300);
        }

        [TestMethod]
        public void A_silent_link_reads_0_after_the_frame_time_out()
        {
            byte[] buffer = new byte[4];
            DateTime start = DateTime.UtcNow;

            Assert.AreEqual(0, _link.Read(buffer, 0, buffer.Length));

            TimeSpan waited = DateTime.UtcNow - start;
            Assert.IsTrue(waited.Ticks >= TimeSpan.TicksPerMillisecond * (FirmwareSettings.FrameTimeoutMilliseconds - 50), "returned too early");
        }

        [TestMethod]
        public void A_short_frame_hands_over_what_arrived()
        {
            byte[] sent = TestBench.Pattern(2);
            byte[] buffer = new byte[5];

            _link.Write(sent, 0, sent.Length);

            Assert.AreEqual(2, _link.Read(buffer, 0, buffer.Length));
            SpiLoopbackTests.AssertBytes(sent, 0, buffer, 0, 2);
        }
    }
}
