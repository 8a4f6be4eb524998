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

        private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

        /// <summary>Polls RDSR until WIP is clear; returns the last status. Throws naming the operation and address when time runs out.</summary>
        public static byte WaitUntilReady(ISpiMaster master, TimeSpan maxTime, TimeSpan typicalTime, string operation, long? address)
        {
            return WaitUntilReady(master, maxTime, typicalTime, operation, address, TimeProvider.System, Thread.Sleep);
        }

        /// <summary>
        /// Polls at once (a chip that is not busy, or a part far faster than its datasheet, is not waited
        /// for), then closes in on the chip's typical time: each pause is half the time left until then, at
        /// most a tenth of the typical time (and 20 ms), so a chip on time is seen within a millisecond or so
        /// of finishing and a faster one within a tenth of its time. Past the typical time the pauses grow
        /// again from 1/64 of it, so a slow erase costs a dozen round trips, not hundreds. Pauses under a
        /// millisecond are not slept: the round trip of the next poll is the pause, as flashprog polls.
        /// </summary>
        /// <param name="clock">Where time is read (tests set it).</param>
        /// <param name="sleep">How a pause is spent (tests count them).</param>
        public static byte WaitUntilReady(ISpiMaster master, TimeSpan maxTime, TimeSpan typicalTime, string operation, long? address, TimeProvider clock, Action<TimeSpan> sleep)
        {
            ArgumentNullException.ThrowIfNull(master);
            ArgumentNullException.ThrowIfNull(clock);
            ArgumentNullException.ThrowIfNull(sleep);
            var status = new byte[1];
            var read = SpiNorCommands.ReadStatus(SpiNorOpcodes.ReadStatus, status);
            long started = clock.GetTimestamp();
            TimeSpan limit = maxTime + (maxTime / 2) + LinkAllowance;
            TimeSpan longest = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, typicalTime.Ticks / 10));
            TimeSpan backOff = typicalTime / 64;
            while (true)
            {
                // Time taken before the poll: a host stalled (a loaded machine, a GC) between a busy poll and
                // the clock check must not blame the chip; only a status read after the limit can.
                TimeSpan polledAt = clock.GetElapsedTime(started);
                master.Execute(read);
                if ((status[0] & SpiNorStatusBits.WriteInProgress) == 0)
                {
                    return status[0];
                }

                if (polledAt > limit)
                {
                    throw new SpiNorException(
                        operation,
                        address,
                        "The chip stayed busy after " + operation + (address is long a ? " at " + SpiNorCommands.Hex(a) : "") + " for more than " + (long)limit.TotalMilliseconds + " ms (status 0x" + status[0].ToString("X2")
                        + "): it may be faulty or not a 25xx part; check power and wiring.");
                }

                TimeSpan halfLeft = (typicalTime - clock.GetElapsedTime(started)) / 2;
                TimeSpan pause;
                if (halfLeft >= OneMillisecond)
                {
                    pause = halfLeft < longest ? halfLeft : longest;
                }
                else
                {
                    pause = backOff;
                    backOff = backOff * 2 > longest ? longest : backOff * 2;
                }

                if (pause >= OneMillisecond)
                {
                    sleep(pause);
                }
            }
        }
    }
}
