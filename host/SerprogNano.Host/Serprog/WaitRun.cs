using System;
using System.Collections.Generic;
using SerprogNano.Host.Spi;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog
{
    /// <summary>
    /// Consecutive waited operations of one shape (write enable, status opcode, mask, time-out and length, as page programs
    /// are): one O_NANO_SPIOP_WAIT_RUN frame, or an O_NANO_SPIOP_WAIT when it holds one operation.
    /// </summary>
    /// <param name="Start">Index of its first operation in the batch.</param>
    /// <param name="Count">Operations in it.</param>
    /// <param name="Timeout">The longest the device may take for all of them: what its reply may wait beyond the link's time.</param>
    internal sealed record WaitRun(int Start, int Count, TimeSpan Timeout)
    {
        /// <summary>
        /// Cuts <paramref name="operations"/> into runs in order, each at most <paramref name="maxBytes"/> bytes of operations
        /// and <see cref="SerprogNanoExtensions.MaxWaitRunCount"/> of them; 0 bytes: every operation alone.
        /// </summary>
        public static List<WaitRun> Pack(IReadOnlyList<WaitedOperation> operations, int maxBytes)
        {
            var runs = new List<WaitRun>();
            int start = 0;
            while (start < operations.Count)
            {
                WaitedOperation first = operations[start];
                int length = first.Operation.Length;
                int limit = length <= SerprogNanoExtensions.MaxWaitRunOperationLength ? Math.Clamp(maxBytes / length, 1, SerprogNanoExtensions.MaxWaitRunCount) : 1;
                int count = 1;
                TimeSpan timeout = first.Timeout;
                while (count < limit && start + count < operations.Count && SameShape(first, operations[start + count]))
                {
                    timeout += operations[start + count].Timeout;
                    count++;
                }

                runs.Add(new WaitRun(start, count, timeout));
                start += count;
            }

            return runs;
        }

        /// <summary>An operation's time-out as the frames carry it: whole milliseconds, rounded up, at most 65.535 s.</summary>
        public static int TimeoutMs(WaitedOperation operation) => (int)Math.Clamp(Math.Ceiling(operation.Timeout.TotalMilliseconds), 0, 0xFFFF);

        private static bool SameShape(WaitedOperation a, WaitedOperation b)
        {
            return a.WriteEnable == b.WriteEnable && a.StatusOpcode == b.StatusOpcode && a.Mask == b.Mask
                && TimeoutMs(a) == TimeoutMs(b) && a.Operation.Length == b.Operation.Length;
        }
    }
}
