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

        /// <summary>
        /// At least until the next FreeRTOS tick, 10 ms at ESP-IDF's default 100 Hz, however short the request: an idle
        /// interpreter waits with vTaskDelay(1) (nf-interpreter targets/ESP32/_nanoCLR/targetPAL_Events.cpp).
        /// </summary>
        public void Sleep(int milliseconds)
        {
            System.Threading.Thread.Sleep(milliseconds);
        }
    }
}
