using System;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Chooses, batch by batch, how <see cref="PagePipeline"/> sends pages, from the rate each way
    /// reached on this link and device: pipelined (pages back to back, paced by padding) wins while the
    /// device handles bytes as they arrive; lockstep (each page sent once the previous one's answer is
    /// back, as flashprog does, but in one round trip) wins when the device lags or the link delivers
    /// in bursts, since then padding buys no time and pages are sent again. Lockstep cannot run away:
    /// its pace is the round trip's. While in lockstep the pipeline is tried again now and then (a
    /// small batch), as a device may stop lagging.
    /// </summary>
    public sealed class PageModeChooser
    {
        /// <summary>Lockstep stretches between two tries of the pipeline.</summary>
        public const int LockstepStretchesBetweenTries = 8;

        private double? _lockstepRate;
        private int _lockstepStretches;

        /// <summary>Whether the next batch goes pipelined.</summary>
        public bool Pipelined { get; private set; } = true;

        /// <summary>Takes what a batch in the current mode did: net bytes programmed, time taken, pages sent again.</summary>
        public void Record(long bytes, TimeSpan elapsed, int pages, int missed)
        {
            double rate = bytes / Math.Max(elapsed.TotalSeconds, 1e-6);
            if (Pipelined)
            {
                bool losing = _lockstepRate is double lockstep ? rate < lockstep : missed * 4 > pages;
                Pipelined = !losing;
                return;
            }

            _lockstepRate = rate;
            _lockstepStretches++;
            Pipelined = _lockstepStretches % LockstepStretchesBetweenTries == 0;
        }
    }
}
