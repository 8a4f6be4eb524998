using System;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>The engine under test with a <see cref="RecordingSpiTarget"/> behind each chip-select line.</summary>
    internal static class RecordingEngine
    {
        public static readonly TimeSpan FrameTimeout = TimeSpan.FromMilliseconds(200);

        /// <summary>
        /// What the engine thread may allocate over a long run, counted on that thread alone: the runtime's own
        /// once-per-thread costs (a few hundred bytes, now and then a few KiB). Any allocation per frame or per
        /// chunk (24 bytes at the least) over the long runs of these tests exceeds it many times.
        /// </summary>
        public const long AllocationAllowance = 64 * 1024;

        public static EngineHarness<RecordingSpiTarget> Start(EngineSettings? settings = null, int chipSelectLines = 1, TimeSpan? frameTimeout = null)
        {
            var targets = new RecordingSpiTarget[chipSelectLines];
            for (int i = 0; i < chipSelectLines; i++)
            {
                targets[i] = new RecordingSpiTarget();
            }

            return new EngineHarness<RecordingSpiTarget>(targets, settings ?? new EngineSettings { ProgrammerName = "harness" }, frameTimeout ?? FrameTimeout);
        }
    }
}
