using System;
using SerprogNano.Engine;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The engine's time-out clock on the ESP32. nanoFramework's mscorlib has no tick counter, so it reads the
    /// system time, which this firmware never sets: it counts up from boot.
    /// </summary>
    public sealed class UptimeClock : IMillisecondClock
    {
        public long Milliseconds
        {
            get { return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond; }
        }

        public void Sleep(int milliseconds)
        {
            System.Threading.Thread.Sleep(milliseconds);
        }
    }
}
