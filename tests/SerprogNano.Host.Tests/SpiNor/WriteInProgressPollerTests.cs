using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Tests.SpiNor
{
    /// <summary>The wait after an erase or program: it asks the chip from the start and backs off.</summary>
    [TestClass]
    public sealed class WriteInProgressPollerTests
    {
        private static readonly TimeSpan BlockErase = TimeSpan.FromMilliseconds(150);

        [TestMethod]
        public void A_chip_that_is_not_busy_is_not_waited_for()
        {
            var chip = new BusyFor(0);
            var pauses = new List<TimeSpan>();
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromSeconds(2), BlockErase, "erase", 0, pauses.Add);
            Assert.AreEqual(1, chip.Polls);
            Assert.IsEmpty(pauses, "no pause before the first poll (it used to sleep 90% of the typical erase time)");
        }

        [TestMethod]
        public void Pauses_grow_from_a_64th_of_the_typical_time_to_a_tenth_of_it()
        {
            var chip = new BusyFor(12);
            var pauses = new List<TimeSpan>();
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromSeconds(2), BlockErase, "erase", 0, pauses.Add);
            Assert.AreEqual(13, chip.Polls);
            Assert.AreEqual(BlockErase / 64, pauses[0]);
            for (int i = 1; i < pauses.Count; i++)
            {
                Assert.IsGreaterThanOrEqualTo(pauses[i - 1], pauses[i], "never shorter than the one before");
                Assert.IsLessThanOrEqualTo(BlockErase / 10, pauses[i], "a wait overshoots the chip by a tenth of its time at most");
            }
        }

        [TestMethod]
        public void A_page_program_is_polled_without_sleeping()
        {
            var chip = new BusyFor(3);
            var pauses = new List<TimeSpan>();
            WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(0.7), "page program", 0, pauses.Add);
            Assert.AreEqual(4, chip.Polls);
            Assert.IsEmpty(pauses, "the round trip of each poll is the pause, as flashprog polls");
        }

        [TestMethod]
        public void A_host_that_stalls_after_a_busy_poll_does_not_blame_the_chip()
        {
            // The first answer says busy, then the host stalls past the limit (max 1 ms → 201 ms) before looking
            // at the clock; the chip was fine all along and the next poll says so.
            var chip = new BusyFor(1) { StallAfterFirstPoll = TimeSpan.FromMilliseconds(300) };
            byte status = WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(0.5), "page program", 0, _ => { });
            Assert.AreEqual(0, status & SpiNorStatusBits.WriteInProgress);
            Assert.AreEqual(2, chip.Polls);
        }

        [TestMethod]
        public void A_chip_still_busy_after_the_limit_is_reported_with_the_operation_and_address()
        {
            var chip = new BusyFor(int.MaxValue);
            var error = Assert.ThrowsExactly<SpiNorException>(() => WriteInProgressPoller.WaitUntilReady(chip, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(0.5), "page program", 0x1000, _ => System.Threading.Thread.Sleep(1)));
            StringAssert.Contains(error.Message, "stayed busy after page program at 0x001000");
        }

        /// <summary>A chip whose status says busy for the first N reads.</summary>
        private sealed class BusyFor : ISpiMaster
        {
            private readonly int _busyPolls;

            public BusyFor(int busyPolls)
            {
                _busyPolls = busyPolls;
            }

            public int Polls { get; private set; }

            /// <summary>How long the first poll's answer takes to come back after the chip answered.</summary>
            public TimeSpan StallAfterFirstPoll { get; init; }

            public string Description => "busy chip";

            public int MaxWriteLength => 4096;

            public int MaxReadLength => 4096;

            public void Execute(IReadOnlyList<SpiTransaction> batch)
            {
                foreach (SpiTransaction transaction in batch)
                {
                    Assert.AreEqual(SpiNorOpcodes.ReadStatus, transaction.Write.Span[0]);
                    transaction.Read.Span[0] = Polls++ < _busyPolls ? SpiNorStatusBits.WriteInProgress : (byte)0;
                }

                if (Polls == 1 && StallAfterFirstPoll > TimeSpan.Zero)
                {
                    System.Threading.Thread.Sleep(StallAfterFirstPoll);
                }
            }
        }
    }
}
