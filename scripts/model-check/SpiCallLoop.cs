using System;
using System.Device.Spi;
using System.Diagnostics;
using nanoFramework.Hardware.Esp32;

namespace ModelCheck
{
    /// <summary>
    /// One-byte SPI writes with chip select framed by the driver, as the firmware sends a WREN: the same work at every
    /// --cpu-scale, so the interpreter CPU the exit statistics count for it should not depend on the scale.
    /// </summary>
    public static class SpiCallLoop
    {
        private const int Calls = 10000;

        public static void Main()
        {
            Configuration.SetPinFunction(23, DeviceFunction.SPI2_MOSI);
            Configuration.SetPinFunction(19, DeviceFunction.SPI2_MISO);
            Configuration.SetPinFunction(18, DeviceFunction.SPI2_CLOCK);
            SpiConnectionSettings settings = new SpiConnectionSettings(2, 4);
            settings.Mode = SpiMode.Mode0;
            settings.ClockFrequency = 8000000;
            SpiDevice device = SpiDevice.Create(settings);
            long started = DateTime.UtcNow.Ticks;
            for (int call = 0; call < Calls; call++)
            {
                device.WriteByte(0x06);
            }

            long ticks = DateTime.UtcNow.Ticks - started;
            Debug.WriteLine("rate: " + (Calls * TimeSpan.TicksPerSecond / ticks).ToString() + " calls/s");
        }
    }
}
