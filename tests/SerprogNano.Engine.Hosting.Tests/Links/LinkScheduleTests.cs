using System.Diagnostics;
using SerprogNano.Engine.Hosting.Links;

namespace SerprogNano.Engine.Hosting.Tests.Links
{
    /// <summary>
    /// The link model's arithmetic on a clock the test sets, so no figure depends on the machine's load:
    /// 2,000,000 baud carries a byte every 5 us; the latency is 500 us each way.
    /// </summary>
    [TestClass]
    public sealed class LinkScheduleTests
    {
        private static long At(double microseconds) => (long)(microseconds * Stopwatch.Frequency / 1_000_000);

        private static readonly long Us = At(1);

        [TestMethod]
        public void A_full_packet_arrives_whole_the_latency_after_its_last_byte()
        {
            var schedule = new LinkSchedule(new LinkModel(2_000_000, 500));
            schedule.Write(0, 64);
            Assert.AreEqual(0, schedule.TakeArrived(At(64 * 5 + 500) - Us), "not before its last byte has crossed and the latency passed");
            Assert.AreEqual(64, schedule.TakeArrived(At(64 * 5 + 500) + Us));
        }

        [TestMethod]
        public void Bytes_cross_the_line_in_packets_one_after_another()
        {
            var schedule = new LinkSchedule(new LinkModel(2_000_000, 500));
            schedule.Write(0, 200);
            Assert.AreEqual(64, schedule.TakeArrived(At(820) + Us), "the first packet");
            Assert.AreEqual(64, schedule.TakeArrived(At(1140) + Us), "the second, 64 byte times later");
            Assert.AreEqual(64, schedule.TakeArrived(At(1460) + Us));
            Assert.AreEqual(0, schedule.TakeArrived(At(1500 - 1)), "the last 8 bytes leave when the line falls idle at 1000 us");
            Assert.AreEqual(8, schedule.TakeArrived(At(1500) + Us));
            Assert.AreEqual(0, schedule.InFlight);
        }

        [TestMethod]
        public void A_partial_packet_leaves_when_the_line_falls_idle()
        {
            var schedule = new LinkSchedule(new LinkModel(2_000_000, 500));
            schedule.Write(0, 1);
            Assert.AreEqual(At(505), schedule.NextArrival()!.Value, 1.0);
            Assert.AreEqual(1, schedule.TakeArrived(At(505) + Us));
        }

        [TestMethod]
        public void Bytes_written_while_a_packet_is_on_the_line_join_it()
        {
            var schedule = new LinkSchedule(new LinkModel(2_000_000, 500));
            schedule.Write(0, 10);
            schedule.Write(At(20), 10); // the first 10 bytes need 50 us, so the line is still busy
            Assert.AreEqual(0, schedule.TakeArrived(At(550) + Us), "the first 10 did not leave alone");
            Assert.AreEqual(20, schedule.TakeArrived(At(600) + Us));
        }

        [TestMethod]
        public void A_writer_that_falls_behind_the_line_starts_a_new_packet()
        {
            var schedule = new LinkSchedule(new LinkModel(2_000_000, 500));
            schedule.Write(0, 10);
            schedule.Write(At(100), 10);
            Assert.AreEqual(10, schedule.TakeArrived(At(550) + Us));
            Assert.AreEqual(0, schedule.TakeArrived(At(650 - 1)));
            Assert.AreEqual(10, schedule.TakeArrived(At(650) + Us));
        }

        [TestMethod]
        public void A_bursty_link_holds_bytes_until_a_burst_is_full()
        {
            var schedule = new LinkSchedule(new LinkModel(2_000_000, 500).WithShape("bursty")!);
            schedule.Write(0, LinkModel.DefaultBurstBytes + 100);
            double full = (LinkModel.DefaultBurstBytes * 5) + 500;
            Assert.AreEqual(0, schedule.TakeArrived(At(full) - Us), "a packets link would have delivered most of these by now");
            Assert.AreEqual(LinkModel.DefaultBurstBytes, schedule.TakeArrived(At(full) + Us));
            Assert.AreEqual(100, schedule.TakeArrived(At(full + 500) + Us), "the rest when the line falls idle");
        }

        [TestMethod]
        public void A_link_without_a_rate_only_delays()
        {
            var schedule = new LinkSchedule(new LinkModel(0, 1000));
            schedule.Write(0, 1 << 20);
            Assert.AreEqual(0, schedule.TakeArrived(At(1000) - Us));
            Assert.AreEqual(1 << 20, schedule.TakeArrived(At(1000) + Us));
        }

        [TestMethod]
        public void Shapes_are_named()
        {
            var packets = new LinkModel(2_000_000, 500);
            Assert.AreEqual("packets", packets.Shape);
            Assert.AreEqual("bursty", packets.WithShape("bursty")!.Shape);
            Assert.AreEqual(LinkModel.DefaultBurstBytes, packets.WithShape("Bursty")!.BurstBytes);
            Assert.IsNull(packets.WithShape("fast"));
        }
    }
}
