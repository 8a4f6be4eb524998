using System;
using System.Collections.Generic;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Host.Spi;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog
{
    /// <summary>The SerprogNano extensions (protocol/EXTENSIONS.md) of a serprog client, pipelined like O_SPIOP.</summary>
    public sealed class SerprogDeviceSide : IDeviceSideOperations
    {
        /// <summary>Bytes one O_NANO_CRC32 covers: about half a second of reading on a 20 MHz ESP32, inside the reply time-out.</summary>
        public const int CrcBytesPerCommand = 1024 * 1024;

        /// <summary>What a wait reply's outcome byte holds until its reply comes: neither done (0) nor timed out (1).</summary>
        private const byte NotReceived = 0xFF;

        private readonly SerprogClient _client;

        public SerprogDeviceSide(SerprogClient client)
        {
            ArgumentNullException.ThrowIfNull(client);
            _client = client;
        }

        /// <summary>
        /// The operations of <paramref name="client"/>'s programmer, or null when it offers none (serprog v1). Not
        /// retried like O_SPIOP batches: a device-side operation that fails leaves its trace for the write's CRC verify.
        /// </summary>
        public static SerprogDeviceSide? Of(SerprogClient client) => client.HasExtensions ? new SerprogDeviceSide(client) : null;

        public void Crc32(byte readOpcode, int addressBytes, long start, int blockLength, Span<uint> crcs)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
            int blocksPerCommand = Math.Clamp(CrcBytesPerCommand / blockLength, 1, SerprogNanoExtensions.MaxCrcBlockCount);
            var replies = new byte[SerprogNanoFrames.CrcReplyLength(crcs.Length)];
            int count = crcs.Length;
            // A single block larger than the usual share gets the time its reading needs (at 1 MiB/s at worst).
            TimeSpan extra = TimeSpan.FromSeconds(Math.Max(0, (double)blockLength / (1024 * 1024)));
            _client.WithLongerReplies(extra, () =>
            {
                for (int done = 0; done < count; done += blocksPerCommand)
                {
                    int blocks = Math.Min(blocksPerCommand, count - done);
                    _client.QueueFlashCrc32(readOpcode, addressBytes, start + ((long)done * blockLength), blockLength, blocks, replies.AsMemory(SerprogNanoFrames.CrcReplyLength(done), SerprogNanoFrames.CrcReplyLength(blocks)));
                }

                _client.Flush();
            });
            for (int i = 0; i < count; i++)
            {
                crcs[i] = SerprogNanoFrames.BlockCrc(replies, 0, i);
            }
        }

        public IReadOnlyList<DeviceWaitOutcome> ExecuteWithWait(IReadOnlyList<WaitedOperation> operations)
        {
            ArgumentNullException.ThrowIfNull(operations);
            var replies = new byte[operations.Count * SerprogNanoExtensions.WaitReplyLength];
            TimeSpan longest = TimeSpan.Zero;
            foreach (WaitedOperation operation in operations)
            {
                longest = operation.Timeout > longest ? operation.Timeout : longest;
            }

            // A reply that never came keeps this outcome byte, which no device sends.
            Array.Fill(replies, NotReceived);
            try
            {
                _client.WithLongerReplies(longest, () => QueueWaits(operations, replies));
            }
            catch (SerprogException e) when (e is not SerprogTimeoutException && e.InnerException is not TransportClosedException)
            {
                // Refused or answered out of step: a command or reply was damaged on the link. The client puts the link back
                // in step before its next command; the outcomes without a reply say that whether they ran is unknown.
            }

            var outcomes = new DeviceWaitOutcome[operations.Count];
            for (int i = 0; i < outcomes.Length; i++)
            {
                int reply = i * SerprogNanoExtensions.WaitReplyLength;
                outcomes[i] = replies[reply] == NotReceived
                    ? new DeviceWaitOutcome(false, 0, Damaged: true)
                    : new DeviceWaitOutcome(SerprogNanoFrames.WaitTimedOut(replies, reply), SerprogNanoFrames.WaitStatus(replies, reply));
            }

            return outcomes;
        }

        private void QueueWaits(IReadOnlyList<WaitedOperation> operations, byte[] replies)
        {
            for (int i = 0; i < operations.Count; i++)
            {
                WaitedOperation operation = operations[i];
                int timeoutMs = (int)Math.Clamp(Math.Ceiling(operation.Timeout.TotalMilliseconds), 0, 0xFFFF);
                _client.QueueSpiOperationWait(operation.WriteEnable, operation.Operation.Span, operation.StatusOpcode, operation.Mask, timeoutMs, replies.AsMemory(i * SerprogNanoExtensions.WaitReplyLength, SerprogNanoExtensions.WaitReplyLength), operation.Label);
            }

            _client.Flush();
        }
    }
}
