using System;
using System.Diagnostics;
using SerprogNano.Engine.Hosting.Links;

namespace SerprogNano.Engine.Hosting.Tests.Links
{
    /// <summary>The link model's timing, checked as lower bounds (a busy machine can only make arrivals later).</summary>
    [TestClass]
    public sealed class ByteChannelModelTests
    {
        [TestMethod]
        public void Without_a_model_bytes_are_readable_at_once()
        {
            var channel = new ByteChannel(64);
            channel.Write(new byte[] { 1, 2, 3 });
            Assert.AreEqual(3, channel.Available);
        }

        [TestMethod]
        public void A_byte_arrives_only_after_the_latency_and_the_writer_does_not_wait_for_it()
        {
            var channel = new ByteChannel(64, new LinkModel(0, 200_000));
            long start = Stopwatch.GetTimestamp();
            channel.Write(new byte[] { 42 });
            Assert.AreEqual(0, channel.Available, "a byte on a 200 ms link cannot have arrived yet");
            var buffer = new byte[4];
            Assert.AreEqual(1, channel.Read(buffer, TimeSpan.FromSeconds(5)));
            Assert.AreEqual(42, buffer[0]);
            Assert.IsGreaterThanOrEqualTo(199.0, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        [TestMethod]
        public void Bytes_are_serialized_at_a_tenth_of_the_baud_rate()
        {
            // 100,000 baud carries 10,000 bytes per second: 2,000 bytes need 200 ms on the line.
            var channel = new ByteChannel(4096, new LinkModel(100_000, 0));
            long start = Stopwatch.GetTimestamp();
            channel.Write(new byte[2000]);
            Assert.IsLessThan(2000, channel.Available, "the last byte is still on the line");
            var buffer = new byte[4096];
            int total = 0;
            while (total < 2000)
            {
                total += channel.Read(buffer, TimeSpan.FromSeconds(5));
            }

            Assert.IsGreaterThanOrEqualTo(199.0, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        [TestMethod]
        public void A_read_that_times_out_returns_zero_while_bytes_are_still_on_the_line()
        {
            var channel = new ByteChannel(64, new LinkModel(0, 500_000));
            channel.Write(new byte[] { 7 });
            Assert.AreEqual(0, channel.Read(new byte[1], TimeSpan.FromMilliseconds(20)));
        }

        [TestMethod]
        public void Clear_drops_arrived_bytes_but_not_those_still_on_the_line()
        {
            var channel = new ByteChannel(64, new LinkModel(0, 100_000));
            channel.Write(new byte[] { 9 });
            channel.Clear();
            var buffer = new byte[1];
            Assert.AreEqual(1, channel.Read(buffer, TimeSpan.FromSeconds(5)));
            Assert.AreEqual(9, buffer[0]);
        }

        [TestMethod]
        public void A_closed_channel_still_delivers_bytes_in_flight_then_reports_the_end()
        {
            var channel = new ByteChannel(64, new LinkModel(0, 50_000));
            channel.Write(new byte[] { 5 });
            channel.Close();
            var buffer = new byte[1];
            Assert.AreEqual(1, channel.Read(buffer, TimeSpan.FromSeconds(5)));
            Assert.AreEqual(-1, channel.Read(buffer, TimeSpan.FromSeconds(5)));
        }

        [TestMethod]
        public void A_link_model_knows_its_byte_rate()
        {
            Assert.AreEqual(200_000.0, new LinkModel(2_000_000, 1000).BytesPerSecond);
            Assert.IsNull(new LinkModel(0, 1000).BytesPerSecond);
        }
    }
}
