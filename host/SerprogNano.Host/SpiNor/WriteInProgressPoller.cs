using System;
using System.Threading;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>Waits for WIP to clear after a program, erase or status write, with a time-out from the datasheet.</summary>
    public static class WriteInProgressPoller
    {
        /// <summary>Extra time on top of the datasheet maximum for the link's own delays.</summary>
        private static readonly TimeSpan LinkAllowance = TimeSpan.FromMilliseconds(200);

        /// <summary>Polls RDSR until WIP is clear; returns the last status. Throws naming the operation and address when time runs out.</summary>
        public static byte WaitUntilReady(ISpiMaster master, TimeSpan maxTime, TimeSpan typicalTime, string operation, long? address)
        {
            var status = new byte[1];
            var read = SpiNorCommands.ReadStatus(SpiNorOpcode.ReadStatus, status);
            long started = Environment.TickCount64;
            long limit = (long)(maxTime + maxTime / 2 + LinkAllowance).TotalMilliseconds;

            // Long operations (erases) are first left alone for most of their typical time, then polled
            // at a tenth of it, so each costs a few round trips instead of one per poll.
            int pause = (int)Math.Min(50, typicalTime.TotalMilliseconds / 10);
            if (pause > 0)
            {
                Thread.Sleep(typicalTime * 0.9);
            }

            while (true)
            {
                master.Execute(read);
                if ((status[0] & StatusRegister.Busy) == 0)
                {
                    return status[0];
                }

                if (Environment.TickCount64 - started > limit)
                {
                    throw new SpiNorException(
                        operation,
                        address,
                        "The chip stayed busy after " + operation + (address is long a ? " at " + SpiNorCommands.Hex(a) : "") + " for more than " + limit + " ms (status 0x" + status[0].ToString("X2")
                        + "): it may be faulty or not a 25xx part; check power and wiring.");
                }

                if (pause > 0)
                {
                    Thread.Sleep(pause);
                }
            }
        }
    }
}
