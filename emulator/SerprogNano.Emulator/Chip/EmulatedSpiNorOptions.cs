using System;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>How faithfully the emulated chip keeps time.</summary>
    public sealed class EmulatedSpiNorOptions
    {
        /// <summary>
        /// When set, programs, erases and status writes keep WIP high for the part's typical time and the
        /// chip ignores everything but status reads meanwhile. Off by default so tests run at memory speed.
        /// Read at every command, so it may be switched while the chip runs.
        /// </summary>
        public bool BusyTimes { get; set; }

        /// <summary>The clock busy times are measured on; tests pass their own to step time by hand.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }
}
