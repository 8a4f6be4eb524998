using System;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>The engine under test with a <see cref="RecordingSpiTarget"/> behind each chip-select line.</summary>
    internal static class RecordingEngine
    {
        public static readonly TimeSpan FrameTimeout = TimeSpan.FromMilliseconds(200);

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
