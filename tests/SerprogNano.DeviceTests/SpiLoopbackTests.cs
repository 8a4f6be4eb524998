using System;
using nanoFramework.TestFramework;
using SerprogNano.Esp32;

namespace SerprogNano.DeviceTests
{
    /// <summary>MOSI wired to MISO: what goes out must come back, through the same bulk calls the engine makes.</summary>
    [TestClass]
    public class SpiLoopbackTests
    {
        [Setup]
        public void DriveTheLines()
        {
            TestBench.Spi.Drive();
        }

        [Cleanup]
        public void ReleaseTheLines()
        {
            TestBench.Spi.Release();
        }

        [TestMethod]
        public void An_exchange_returns_what_MOSI_sent()
        {
            byte[] pattern = TestBench.Pattern(256);
            byte[] buffer = TestBench.Pattern(256);

            Transfer(buffer, true);

            AssertBytes(pattern, 0, buffer, 0, buffer.Length);
        }

        [TestMethod]
        public void A_whole_chunk_at_an_offset_comes_back_intact()
        {
            int count = FirmwareSettings.DataBufferSize - 1;
            byte[] pattern = TestBench.Pattern(count);
            byte[] buffer = new byte[FirmwareSettings.DataBufferSize];
            Array.Copy(pattern, 0, buffer, 1, count);

            TestBench.Spi.SetChipSelect(true);
            TestBench.Spi.Exchange(buffer, 1, count);
            TestBench.Spi.SetChipSelect(false);

            AssertBytes(pattern, 0, buffer, 1, count);
        }

        [TestMethod]
        public void A_read_sends_idle_bytes_even_after_an_exchange()
        {
            byte[] buffer = TestBench.Pattern(FirmwareSettings.DataBufferSize);
            Transfer(buffer, true);
            Array.Clear(buffer, 0, buffer.Length);

            Transfer(buffer, false);

            for (int i = 0; i < buffer.Length; i++)
            {
                Assert.AreEqual((byte)0xFF, buffer[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void A_write_sends_without_touching_the_buffer()
        {
            byte[] pattern = TestBench.Pattern(512);
            byte[] buffer = TestBench.Pattern(512);

            TestBench.Spi.SetChipSelect(true);
            TestBench.Spi.Write(buffer, 0, buffer.Length);
            TestBench.Spi.SetChipSelect(false);

            AssertBytes(pattern, 0, buffer, 0, buffer.Length);
        }

        internal static void Transfer(byte[] buffer, bool exchange)
        {
            TestBench.Spi.SetChipSelect(true);
            if (exchange)
            {
                TestBench.Spi.Exchange(buffer, 0, buffer.Length);
            }
            else
            {
                TestBench.Spi.Read(buffer, 0, buffer.Length);
            }

            TestBench.Spi.SetChipSelect(false);
        }

        internal static void AssertBytes(byte[] expected, int expectedOffset, byte[] actual, int actualOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Assert.AreEqual(expected[expectedOffset + i], actual[actualOffset + i], "byte " + i.ToString());
            }
        }
    }
}
