using System.Diagnostics;
using SerprogNano.Engine;

namespace SerprogNano.Engine.Hosting.Board
{
    /// <summary>
    /// The engine's time-out clock on the PC: the high-resolution timestamp (Environment.TickCount64 moves in 4 ms
    /// steps on Linux, which would end a 3 ms wait at once).
    /// </summary>
    public sealed class SystemMillisecondClock : IMillisecondClock
    {
        public long Milliseconds => Stopwatch.GetTimestamp() * 1000 / Stopwatch.Frequency;

        public void Sleep(int milliseconds) => System.Threading.Thread.Sleep(milliseconds);
    }
}
