using System.Collections.Generic;

namespace SerprogNano.Host.Spi
{
    /// <summary>An SPI bus master a flash chip hangs on: a serprog programmer, later linux_spi.</summary>
    public interface ISpiMaster
    {
        /// <summary>What the master is, for messages.</summary>
        string Description { get; }

        /// <summary>Longest write phase of one transaction.</summary>
        int MaxWriteLength { get; }

        /// <summary>Longest read phase of one transaction.</summary>
        int MaxReadLength { get; }

        /// <summary>
        /// Whether a batch's transactions go out without waiting for each one's answer. A stop-and-wait master
        /// pays a round trip per transaction, so callers drive it the way flashprog does instead of with
        /// padding and guard reads.
        /// </summary>
        bool SendsAhead => true;

        /// <summary>
        /// Runs the transactions in order, each with its own chip-select cycle, and returns once every
        /// read phase has landed. Masters that can, send them without waiting in between.
        /// </summary>
        void Execute(IReadOnlyList<SpiTransaction> batch);
    }
}
