using System;
using System.IO.Ports;
using nanoFramework.TestFramework;
using SerprogNano.Engine;
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
            _link = new SerialPortLink(_port, FirmwareSettings.SerialReceiveBufferSize, FirmwareSettings.DataBufferSize, TestBench.Board.MaxBaudRate);
        }

        [Cleanup]
        public void CloseTheUart()
        {
            _port.Dispose();
        }

        [TestMethod]
        public void After_a_rate_change_bytes_sent_come_back()
        {
            int boot = _link.BaudRate;
            byte[] sent = TestBench.Pattern(300);
            byte[] received = new byte[300];
            _link.Write(sent, 0, sent.Length);

            // The loop-back's bytes at the old rate left before the switch: they come back whole too.
            _link.ChangeBaudRate(_link.MaxBaudRate);
            Assert.AreEqual(300, _link.Read(received, 0, received.Length));
            _link.Write(sent, 0, sent.Length);
            Assert.AreEqual(300, _link.Read(received, 0, received.Length));
            _link.ChangeBaudRate(boot);

            SpiLoopbackTests.AssertBytes(sent, 0, received, 0, 300);
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
            Assert.IsTrue(waited.Ticks >= TimeSpan.TicksPerMillisecond * (EngineSettings.DefaultFrameTimeoutMilliseconds - 50), "returned too early");
        }

        /// <summary>
        /// Issue 20, finding 5 (firmware/README.md): the driver's RX ring buffer is pushed by its event task and popped
        /// by the interpreter without a lock. 512 blocks of 4 KiB (2 MiB), each read back while the link's sender
        /// thread is still writing it, every byte compared: where a board has the race, it shows here.
        /// </summary>
        [TestMethod]
        public void A_long_pipelined_soak_brings_every_byte_back_in_order()
        {
            const int Block = 4096;
            byte[] sent = new byte[Block];
            byte[] received = new byte[Block];
            for (int round = 0; round < 512; round++)
            {
                for (int i = 0; i < Block; i++)
                {
                    sent[i] = (byte)((i * 7) + (round * 13) + 3);
                }

                _link.Write(sent, 0, Block);
                int got = 0;
                while (got < Block)
                {
                    int read = _link.Read(received, got, Block - got);
                    Assert.IsTrue(read > 0, "round " + round.ToString() + ": the bytes stopped after " + got.ToString());
                    got += read;
                }

                SpiLoopbackTests.AssertBytes(sent, 0, received, 0, Block);
            }
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
