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

        /// <summary>Bytes one O_NANO_READ_SPARSE covers: at most about 1.3 s of a 2 Mbaud link, so a retry repeats little.</summary>
        public const int SparseBytesPerCommand = 256 * 1024;

        /// <summary>Tries of a sparse read whose reply the link damaged (each after the client re-synchronised).</summary>
        private const int SparseReadAttempts = 3;

        /// <summary>What a wait reply's outcome byte holds until its reply comes: neither done (0) nor timed out (1).</summary>
        private const byte NotReceived = 0xFF;

        /// <summary>Where a lone operation's O_NANO_SPIOP_WAIT reply sits in its slot: where a run's outcome and status do.</summary>
        private const int WaitReplyAt = SerprogNanoExtensions.WaitRunReplyLength - SerprogNanoExtensions.WaitReplyLength;

        /// <summary>An operation whose frame or reply the link spoiled, or that a time-out before it in its run kept from being sent.</summary>
        private static readonly DeviceWaitOutcome Unknown = new(false, 0, Damaged: true);

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

        public bool ReadsSkippingErased => _client.HasSparseReads;

        public long ReadSkippingErased(byte readOpcode, int addressBytes, long start, int pieceLength, Memory<byte> destination)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(pieceLength, 1);
            int perCommand = Math.Max(1, SparseBytesPerCommand / pieceLength) * pieceLength;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    var replies = new List<SparseReadReply>();
                    for (int done = 0; done < destination.Length; done += perCommand)
                    {
                        int length = Math.Min(perCommand, destination.Length - done);
                        replies.Add(_client.QueueSparseRead(readOpcode, addressBytes, start + done, pieceLength, destination.Slice(done, length)));
                    }

                    _client.Flush();
                    long erased = 0;
                    foreach (SparseReadReply reply in replies)
                    {
                        erased += (long)reply.ErasedPieces * pieceLength;
                    }

                    return erased;
                }
                catch (SerprogException e) when (attempt < SparseReadAttempts && DamagedOnTheLink(e))
                {
                    // A damaged reply or command: the client puts the link back in step before the next try reads it all again.
                }
            }
        }

        /// <summary>
        /// Packs consecutive operations of one shape into O_NANO_SPIOP_WAIT_RUN frames where the programmer has them (one
        /// frame's costs per run: on the ESP32's interpreter they are about a page program's SPI work), else sends each as an
        /// O_NANO_SPIOP_WAIT; all pipelined. An operation after a timed-out one in its run was not sent: its outcome is
        /// Damaged (whether it ran is unknown), as for any frame the link spoiled.
        /// </summary>
        public IReadOnlyList<DeviceWaitOutcome> ExecuteWithWait(IReadOnlyList<WaitedOperation> operations)
        {
            ArgumentNullException.ThrowIfNull(operations);
            List<WaitRun> runs = WaitRun.Pack(operations, _client.HasWaitRuns ? RunBytes : 0);
            var replies = new byte[runs.Count * SerprogNanoExtensions.WaitRunReplyLength];
            TimeSpan longest = TimeSpan.Zero;
            foreach (WaitRun run in runs)
            {
                longest = run.Timeout > longest ? run.Timeout : longest;
            }

            // A reply that never came keeps this outcome byte, which no device sends.
            Array.Fill(replies, NotReceived);
            try
            {
                _client.WithLongerReplies(longest, () => QueueRuns(operations, runs, replies));
            }
            catch (SerprogException e) when (DamagedOnTheLink(e))
            {
                // Refused or answered out of step: a command or reply was damaged on the link. The client puts the link back
                // in step before its next command; the outcomes without a reply say that whether they ran is unknown.
            }

            var outcomes = new DeviceWaitOutcome[operations.Count];
            for (int r = 0; r < runs.Count; r++)
            {
                Decode(runs[r], replies, r * SerprogNanoExtensions.WaitRunReplyLength, outcomes);
            }

            return outcomes;
        }

        /// <summary>
        /// A command or reply the link spoiled (refused, answered out of step, a reply that fails its own checks): the client
        /// puts the link back in step before its next command. Not a silent programmer, a closed link or a command it lacks.
        /// </summary>
        private static bool DamagedOnTheLink(SerprogException e)
        {
            return e is not SerprogTimeoutException && e is not SerprogUnsupportedCommandException && e.InnerException is not TransportClosedException;
        }

        /// <summary>
        /// Most bytes of operations in one run: Q_WRNMAXLEN, and half of what the host sends ahead (the device's serial
        /// buffer), so that the next run has arrived while the device works through one. A run that filled the buffer would
        /// be sent only once the one before it was answered, with the device idle meanwhile. None when driven stop-and-wait.
        /// </summary>
        private int RunBytes => Math.Min(_client.MaxWriteLength, (_client.Driving.SendAheadBytes / 2) - 1 - SerprogNanoExtensions.WaitRunParameterLength);

        /// <summary>
        /// Each run's reply lands in its slot of <paramref name="replies"/>, laid out as an O_NANO_SPIOP_WAIT_RUN reply
        /// (completed, then a wait's outcome and status); an operation alone goes as O_NANO_SPIOP_WAIT, its reply after the count.
        /// </summary>
        private void QueueRuns(IReadOnlyList<WaitedOperation> operations, List<WaitRun> runs, byte[] replies)
        {
            for (int r = 0; r < runs.Count; r++)
            {
                WaitRun run = runs[r];
                WaitedOperation first = operations[run.Start];
                Memory<byte> reply = replies.AsMemory(r * SerprogNanoExtensions.WaitRunReplyLength, SerprogNanoExtensions.WaitRunReplyLength);
                if (run.Count == 1)
                {
                    _client.QueueSpiOperationWait(first.WriteEnable, first.Operation.Span, first.StatusOpcode, first.Mask, WaitRun.TimeoutMs(first), reply[WaitReplyAt..], first.Label);
                    continue;
                }

                int length = first.Operation.Length;
                var data = new byte[run.Count * length];
                for (int i = 0; i < run.Count; i++)
                {
                    operations[run.Start + i].Operation.Span.CopyTo(data.AsSpan(i * length));
                }

                string label = run.Count + " operations from " + first.Label + " to " + operations[run.Start + run.Count - 1].Label;
                _client.QueueSpiOperationWaitRun(first.WriteEnable, data, length, first.StatusOpcode, first.Mask, WaitRun.TimeoutMs(first), reply, label);
            }

            _client.Flush();
        }

        /// <summary>
        /// The outcomes of one run's operations from its reply at <paramref name="at"/>. A run's reply says how many operations
        /// ended with the mask clear and how the next one ended; one the link spoiled into what no device sends (done with
        /// fewer completed, or a time-out past the run's end) leaves every outcome of the run unknown.
        /// </summary>
        private static void Decode(WaitRun run, byte[] replies, int at, DeviceWaitOutcome[] outcomes)
        {
            if (run.Count == 1)
            {
                int wait = at + WaitReplyAt;
                outcomes[run.Start] = replies[wait] == NotReceived
                    ? Unknown
                    : new DeviceWaitOutcome(SerprogNanoFrames.WaitTimedOut(replies, wait), SerprogNanoFrames.WaitStatus(replies, wait));
                return;
            }

            byte outcome = SerprogNanoFrames.WaitRunOutcome(replies, at);
            int completed = SerprogNanoFrames.WaitRunCompleted(replies, at);
            byte status = SerprogNanoFrames.WaitRunStatus(replies, at);
            bool plausible = (outcome == SerprogNanoExtensions.WaitDone && completed == run.Count)
                || (outcome == SerprogNanoExtensions.WaitTimedOut && completed < run.Count);
            for (int i = 0; i < run.Count; i++)
            {
                // The reply carries the status that ended the run only; an operation completed before it saw its mask clear.
                outcomes[run.Start + i] = !plausible || i > completed ? Unknown
                    : i == completed ? new DeviceWaitOutcome(true, status)
                    : new DeviceWaitOutcome(false, i == run.Count - 1 ? status : (byte)0);
            }
        }
    }
}
