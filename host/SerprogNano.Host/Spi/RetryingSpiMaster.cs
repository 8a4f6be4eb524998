using System;
using System.Collections.Generic;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Transports;

namespace SerprogNano.Host.Spi
{
    /// <summary>
    /// Runs a batch again when the programmer's answer was refused, garbled or late (a NAK, a wrong
    /// byte where ACK was due, a time-out): the client re-synchronises with SYNCNOP before the next
    /// attempt. Every batch the flash layer sends is safe to repeat (reads, WREN with its erase or
    /// program of the same bytes, status reads); what a garbled command may have changed on the chip,
    /// the write's verify finds. A closed link or an unsupported command is not retried.
    /// </summary>
    public sealed class RetryingSpiMaster : ISpiMaster
    {
        /// <summary>Tries per batch: enough for the odd flipped bit, bounded so a dead device fails in seconds.</summary>
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

        /// <summary>Batches sent again after a failed attempt.</summary>
        public long Retries { get; private set; }

        public void Execute(IReadOnlyList<SpiTransaction> batch)
        {
            SerprogException? first = null;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    _inner.Execute(batch);
                    return;
                }
                catch (SerprogException e) when (first != null || IsRetryable(e))
                {
                    // The first failure names the operation and its address; a later one says why retrying did not help.
                    first ??= e;
                    if (!IsRetryable(e))
                    {
                        throw new SerprogException(first.Command, first.Message + " Retrying it failed: " + e.Message, e);
                    }

                    if (attempt == _attempts)
                    {
                        throw new SerprogException(first.Command, first.Message + " Gave up after " + _attempts + " attempts, each after a SYNCNOP re-synchronisation.", e);
                    }

                    Retries++;
                }
            }
        }

        private static bool IsRetryable(SerprogException e)
        {
            return e is not SerprogUnsupportedCommandException && e.InnerException is not TransportClosedException && e.Command != "SYNCNOP";
        }
    }
}
