using System;
using System.Collections.Generic;
using Microsoft.Extensions.Time.Testing;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Tests.SpiNor
{
    /// <summary>
    /// The wait after an erase or program, on a clock the test moves: every poll is a 1 ms round trip and
    /// every pause passes exactly, so no figure depends on the machine's load.
    /// </summary>
    [TestClass]
    public sealed class WriteInProgressPollerTests
    {
        private static readonly TimeSpan BlockErase = TimeSpan.FromMilliseconds(150);

        private static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(1);

        [TestMethod]
        public void A_chip_that_is_not_busy_is_not_waited_for()
        {
            var clock = new FakeTimeProvider();
            var chip = new BusyUntil(clock, TimeSpan.Zero);
            var pauses = new List<TimeSpan>();
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromSeconds(2), BlockErase, "erase", 0, clock, Sleep(clock, pauses));
            Assert.AreEqual(1, chip.Polls);
            Assert.IsEmpty(pauses, "no pause before the first poll (it used to sleep 90% of the typical erase time)");
        }

        [TestMethod]
        public void A_chip_done_on_its_typical_time_is_seen_within_a_few_milliseconds()
        {
            var clock = new FakeTimeProvider();
            var chip = new BusyUntil(clock, BlockErase);
            var pauses = new List<TimeSpan>();
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromSeconds(2), BlockErase, "erase", 0, clock, Sleep(clock, pauses));
            Assert.IsLessThanOrEqualTo(BlockErase + TimeSpan.FromMilliseconds(4), chip.ReadySeenAt, "the old back-off saw it up to 16 ms late");
            Assert.IsLessThanOrEqualTo(20, chip.Polls);
            Assert.IsTrue(pauses.TrueForAll(pause => pause <= BlockErase / 10), "no pause longer than a tenth of the typical time");
        }

        [TestMethod]
        public void A_chip_twice_as_fast_as_its_datasheet_waits_a_tenth_of_the_typical_time_at_most()
        {
            var clock = new FakeTimeProvider();
            var chip = new BusyUntil(clock, BlockErase / 2);
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromSeconds(2), BlockErase, "erase", 0, clock, Sleep(clock, new List<TimeSpan>()));
            Assert.IsLessThanOrEqualTo((BlockErase / 2) + (BlockErase / 10) + RoundTrip, chip.ReadySeenAt);
        }

        [TestMethod]
        public void Past_the_typical_time_pauses_grow_so_a_slow_chip_costs_few_polls()
        {
            var clock = new FakeTimeProvider();
            var chip = new BusyUntil(clock, BlockErase * 4);
            var pauses = new List<TimeSpan>();
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromSeconds(2), BlockErase, "erase", 0, clock, Sleep(clock, pauses));
            Assert.IsLessThanOrEqualTo(60, chip.Polls, "not a poll per round trip for 600 ms");
            Assert.IsLessThanOrEqualTo((BlockErase * 4) + (BlockErase / 10) + RoundTrip, chip.ReadySeenAt);
            int last = pauses.Count - 1;
            Assert.AreEqual(BlockErase / 10, pauses[last], "backed off to a tenth of the typical time");
            Assert.IsGreaterThanOrEqualTo(pauses[last - 1], pauses[last]);
        }

        [TestMethod]
        public void A_page_program_is_polled_without_sleeping()
        {
            var clock = new FakeTimeProvider();
            var chip = new BusyUntil(clock, TimeSpan.FromMilliseconds(3));
            var pauses = new List<TimeSpan>();
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(0.7), "page program", 0, clock, Sleep(clock, pauses));
            Assert.AreEqual(4, chip.Polls);
            Assert.IsEmpty(pauses, "the round trip of each poll is the pause, as flashprog polls");
        }

        [TestMethod]
        public void A_host_that_stalls_after_a_busy_poll_does_not_blame_the_chip()
        {
            // The first answer says busy, then the host stalls past the limit (max 1 ms → 201.5 ms) before
            // looking at the clock; the chip was fine all along and the next poll says so.
            var clock = new FakeTimeProvider();
            var chip = new BusyUntil(clock, RoundTrip) { StallAfterFirstPoll = TimeSpan.FromMilliseconds(300) };
            byte status = WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(0.5), "page program", 0, clock, Sleep(clock, new List<TimeSpan>()));
            Assert.AreEqual(0, status & SpiNorStatusBits.WriteInProgress);
            Assert.AreEqual(2, chip.Polls);
        }

        [TestMethod]
        public void A_chip_still_busy_after_the_limit_is_reported_with_the_operation_and_address()
        {
            var clock = new FakeTimeProvider();
            var chip = new BusyUntil(clock, TimeSpan.MaxValue);
            var error = Assert.ThrowsExactly<SpiNorException>(() => WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(0.5), "page program", 0x1000, clock, Sleep(clock, new List<TimeSpan>())));
            StringAssert.Contains(error.Message, "stayed busy after page program at 0x001000");
        }

        private static Action<TimeSpan> Sleep(FakeTimeProvider clock, List<TimeSpan> pauses) => pause =>
        {
            pauses.Add(pause);
            clock.Advance(pause);
        };

        /// <summary>A chip busy until a moment on the test's clock; each poll takes a round trip.</summary>
        private sealed class BusyUntil : ISpiMaster
        {
            private readonly FakeTimeProvider _clock;
            private readonly DateTimeOffset _readyAt;

            public BusyUntil(FakeTimeProvider clock, TimeSpan busyFor)
            {
                _clock = clock;
                _readyAt = busyFor == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : clock.GetUtcNow() + busyFor;
                Started = clock.GetUtcNow();
            }

            public int Polls { get; private set; }

            /// <summary>How long after the start the poll that found the chip ready was answered.</summary>
            public TimeSpan ReadySeenAt { get; private set; }

            /// <summary>How long the first poll's answer takes to come back after the chip answered.</summary>
            public TimeSpan StallAfterFirstPoll { get; init; }

            public string Description => "busy chip";

            public int MaxWriteLength => 4096;

            public int MaxReadLength => 4096;

            private DateTimeOffset Started { get; }

            public void Execute(IReadOnlyList<SpiTransaction> batch)
            {
                _clock.Advance(RoundTrip / 2);
                foreach (SpiTransaction transaction in batch)
                {
                    Assert.AreEqual(SpiNorOpcodes.ReadStatus, transaction.Write.Span[0]);
                    Polls++;
                    bool busy = _clock.GetUtcNow() < _readyAt;
                    transaction.Read.Span[0] = busy ? SpiNorStatusBits.WriteInProgress : (byte)0;
                    ReadySeenAt = busy ? ReadySeenAt : _clock.GetUtcNow() - Started;
                }

                _clock.Advance(RoundTrip / 2);
                if (Polls == 1 && StallAfterFirstPoll > TimeSpan.Zero)
                {
                    _clock.Advance(StallAfterFirstPoll);
                }
            }
        }
    }
}
