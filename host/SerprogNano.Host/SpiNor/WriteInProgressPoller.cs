using System;
using System.Threading;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>Waits for WIP to clear after a program, erase or status write, with a time-out from the datasheet.</summary>
    public static class WriteInProgressPoller
    {
        /// <summary>Extra time on top of the datasheet maximum for the link's own delays.</summary>
        private static readonly TimeSpan LinkAllowance = TimeSpan.FromMilliseconds(200);

        /// <summary>Longest pause between two polls: what a wait may run over the chip's real time.</summary>
        private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(20);

        /// <summary>Polls RDSR until WIP is clear; returns the last status. Throws naming the operation and address when time runs out.</summary>
        public static byte WaitUntilReady(ISpiMaster master, TimeSpan maxTime, TimeSpan typicalTime, string operation, long? address)
        {
            return WaitUntilReady(master, maxTime, typicalTime, operation, address, Thread.Sleep);
        }

        /// <summary>
        /// Polls from the start (a chip that is not busy, or a part faster than its datasheet, is not waited
        /// for), then backs off: each pause is twice the one before, from 1/64 of the typical time up to
        /// 1/10 of it (at most 20 ms), so a wait overshoots the chip's real time by a tenth at most while a
        /// long erase costs a dozen round trips, not hundreds. Pauses under a millisecond are not slept:
        /// the round trip of the next poll is the pause, as flashprog polls.
        /// </summary>
        /// <param name="sleep">How a pause is spent (tests count them).</param>
        public static byte WaitUntilReady(ISpiMaster master, TimeSpan maxTime, TimeSpan typicalTime, string operation, long? address, Action<TimeSpan> sleep)
        {
            ArgumentNullException.ThrowIfNull(master);
            ArgumentNullException.ThrowIfNull(sleep);
            var status = new byte[1];
            var read = SpiNorCommands.ReadStatus(SpiNorOpcodes.ReadStatus, status);
            long started = Environment.TickCount64;
            long limit = (long)(maxTime + maxTime / 2 + LinkAllowance).TotalMilliseconds;
            TimeSpan pause = typicalTime / 64;
            TimeSpan longest = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, typicalTime.Ticks / 10));
            while (true)
            {
                // Time taken before the poll: a host stalled (a loaded machine, a GC) between a busy poll and
                // the clock check must not blame the chip; only a status read after the limit can.
                long polledAt = Environment.TickCount64;
                master.Execute(read);
                if ((status[0] & SpiNorStatusBits.WriteInProgress) == 0)
                {
                    return status[0];
                }

                if (polledAt - started > limit)
                {
                    throw new SpiNorException(
                        operation,
                        address,
                        "The chip stayed busy after " + operation + (address is long a ? " at " + SpiNorCommands.Hex(a) : "") + " for more than " + limit + " ms (status 0x" + status[0].ToString("X2")
                        + "): it may be faulty or not a 25xx part; check power and wiring.");
                }

                if (pause >= TimeSpan.FromMilliseconds(1))
                {
                    sleep(pause);
                }

                pause = pause * 2 > longest ? longest : pause * 2;
            }
        }
    }
}
