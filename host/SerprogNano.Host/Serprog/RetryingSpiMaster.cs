using System;
using System.Collections.Generic;
using SerprogNano.Host.Spi;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.Host.Serprog
{
    /// <summary>
    /// Runs a batch again, in halves, when the programmer's answer was refused, garbled or late (a NAK,
    /// a wrong byte where ACK was due, a time-out): the client re-synchronises with SYNCNOP before the
    /// next attempt. Every batch the flash layer sends is safe to repeat (reads, WREN with its erase or
    /// program of the same bytes, status reads); what a garbled command may have changed on the chip,
    /// the write's verify finds. A closed link or an unsupported command is not retried.
    /// </summary>
    public sealed class RetryingSpiMaster : ISpiMaster
    {
        /// <summary>Tries per halving level of a batch: enough for the odd flipped bit, bounded so a garbling link gives up.</summary>
        public const int DefaultAttempts = 3;

        private readonly ISpiMaster _inner;
        private readonly int _attempts;

        public RetryingSpiMaster(ISpiMaster inner, int attempts = DefaultAttempts)
        {
            ArgumentNullException.ThrowIfNull(inner);
            ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
            _inner = inner;
            _attempts = attempts;
        }

        public string Description => _inner.Description;

        public int MaxWriteLength => _inner.MaxWriteLength;

        public int MaxReadLength => _inner.MaxReadLength;

        public bool SendsAhead => _inner.SendsAhead;

        /// <summary>Batches sent again after a failed attempt.</summary>
        public long Retries { get; private set; }

        public void Execute(IReadOnlyList<SpiTransaction> batch)
        {
            ArgumentNullException.ThrowIfNull(batch);

            // Each halving level may need its own retries; a dead device still ends at the first failed SYNCNOP.
            int levels = 1 + (int)Math.Ceiling(Math.Log2(Math.Max(1, batch.Count)));
            var failures = new FailureBudget(_attempts * levels - 1);
            Run(batch, failures);
        }

        /// <summary>
        /// Runs a part of a batch; after a failure it runs the two halves of that part on their own, since on a
        /// noisy link a long batch may almost never cross whole while its halves do. The order on the bus is kept.
        /// </summary>
        private void Run(IReadOnlyList<SpiTransaction> part, FailureBudget failures)
        {
            try
            {
                _inner.Execute(part);
                return;
            }
            catch (SerprogException e) when (failures.First != null || IsRetryable(e))
            {
                // The first failure names the operation and its address; a later one says why retrying did not help.
                failures.First ??= e;
                if (!IsRetryable(e))
                {
                    throw new SerprogException(failures.First.Command, failures.First.Message + " Retrying it failed: " + e.Message, e) { Remedies = failures.First.Remedies };
                }

                if (failures.Left == 0)
                {
                    throw new SerprogException(failures.First.Command, failures.First.Message + " Gave up after " + failures.Spent + " retries, each after a SYNCNOP re-synchronisation.", e) { Remedies = failures.First.Remedies };
                }

                failures.Left--;
                failures.Spent++;
                Retries++;
            }

            if (part.Count == 1)
            {
                Run(part, failures);
                return;
            }

            int half = part.Count / 2;
            Run(Slice(part, 0, half), failures);
            Run(Slice(part, half, part.Count - half), failures);
        }

        private static SpiTransaction[] Slice(IReadOnlyList<SpiTransaction> part, int start, int count)
        {
            var slice = new SpiTransaction[count];
            for (int i = 0; i < count; i++)
            {
                slice[i] = part[start + i];
            }

            return slice;
        }

        private static bool IsRetryable(SerprogException e)
        {
            return e is not SerprogUnsupportedCommandException && e.InnerException is not TransportClosedException && e.Command != "SYNCNOP";
        }

        /// <summary>Retries one batch may still spend, and its first failure.</summary>
        private sealed class FailureBudget
        {
            public FailureBudget(int retries)
            {
                Left = retries;
            }

            public int Left { get; set; }

            public int Spent { get; set; }

            public SerprogException? First { get; set; }
        }
    }
}
