using System.Device.Gpio;
using System.Threading;

namespace SerprogNano.Esp32
{
    /// <summary>What the board shows when it cannot serve at all (no serprog UART): the LED blinks fast, forever.</summary>
    public static class StartupFailure
    {
        private const int BlinkMilliseconds = 125;

        /// <param name="ledPin">The board's LED, or -1: then it only waits (the message went to the debugger).</param>
        public static void Show(GpioController gpio, int ledPin)
        {
            if (ledPin < 0)
            {
                Thread.Sleep(Timeout.Infinite);
            }

            GpioPin led = gpio.OpenPin(ledPin, PinMode.Output);
            while (true)
            {
                led.Toggle();
                Thread.Sleep(BlinkMilliseconds);
            }
        }
    }
}
