using System;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>The read-back differs from what should be on the chip.</summary>
    public sealed class VerifyFailedException : SpiNorException
    {
        public VerifyFailedException(long address, byte expected, byte actual, long mismatchedBytes)
            : base("verify", address, "Verify failed: " + mismatchedBytes + " byte(s) differ, the first at " + SpiNorCommands.Hex(address) + " (expected 0x" + expected.ToString("X2") + ", read 0x" + actual.ToString("X2")
                + "). The chip is NOT as intended: run the same write again (it re-reads and rewrites only what differs); if it fails again check the wiring.")
        {
            Remedies = new[] { Remedy.LowerSpiSpeed };
            Expected = expected;
            Actual = actual;
            MismatchedBytes = mismatchedBytes;
        }

        /// <summary>The same difference, explained by the caller that knows more (e.g. that every write round failed there); its remedies stay unless the caller sets others.</summary>
        public VerifyFailedException(VerifyFailedException found, string message)
            : base("verify", found?.Address, message)
        {
            ArgumentNullException.ThrowIfNull(found);
            Expected = found.Expected;
            Actual = found.Actual;
            MismatchedBytes = found.MismatchedBytes;
            Remedies = found.Remedies;
        }

        public byte Expected { get; }

        public byte Actual { get; }

        public long MismatchedBytes { get; }

        /// <summary>Another round of the write would change nothing: the difference lies where the write must not write.</summary>
        public bool Conclusive { get; init; }
    }
}
