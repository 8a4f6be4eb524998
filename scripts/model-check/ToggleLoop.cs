using System;
using System.Device.Gpio;
using System.Diagnostics;

namespace ModelCheck
{
    /// <summary>
    /// run-firmware's own calibration loop, `while (true) pin.Toggle();`, bounded: 54,000 to 162,000 toggles a second on a
    /// 240 MHz ESP32 (nanoFramework issue Home#1013), the figure --cpu-scale 65 to 195 is meant to reproduce.
    /// </summary>
    public static class ToggleLoop
    {
        private const int Toggles = 50000;

        public static void Main()
        {
            GpioPin pin = new GpioController().OpenPin(22, PinMode.Output);
            long started = DateTime.UtcNow.Ticks;
            for (int toggle = 0; toggle < Toggles; toggle++)
            {
                pin.Toggle();
            }

            long ticks = DateTime.UtcNow.Ticks - started;
            Debug.WriteLine("rate: " + (Toggles * TimeSpan.TicksPerSecond / ticks).ToString() + " toggles/s");
        }
    }
}
