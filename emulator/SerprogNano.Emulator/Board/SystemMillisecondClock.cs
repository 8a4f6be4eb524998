using System;
using SerprogNano.Engine;

namespace SerprogNano.Emulator.Board
{
    /// <summary>The engine's time-out clock on the PC: the system's monotonic tick count.</summary>
    public sealed class SystemMillisecondClock : IMillisecondClock
    {
        public long Milliseconds => Environment.TickCount64;
    }
}
