using System;
using SerprogNano.Engine;
using SerprogNano.TestSupport;

namespace SerprogNano.Firmware.Tests.Harness
{
    /// <summary>The engine as the firmware builds it, with a <see cref="PatternFlash"/> on the board's SPI clock steps.</summary>
    internal static class FirmwareEngine
    {
        private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);

        public static EngineHarness<PatternFlash> Start(EngineSettings settings, uint[] clockSteps) =>
            new(new[] { new PatternFlash() }, settings, FrameTimeout, clockSteps);
    }
}
