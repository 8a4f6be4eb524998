using System.Device.Gpio;

namespace SerprogNano.Esp32
{
    /// <summary>Lit while the programmer drives the lines to the chip: do not unclip then.</summary>
    public sealed class ActivityLed
    {
        private readonly GpioPin _pin;
        private bool _lit;

        /// <param name="pinNumber">The LED's GPIO, or -1 for a board without one.</param>
        public ActivityLed(GpioController gpio, int pinNumber)
        {
            if (pinNumber >= 0)
            {
                // SetPinMode(Output) starts the pin low (cpu_gpio.cpp, CPU_GPIO_EnableOutputPin): off.
                _pin = gpio.OpenPin(pinNumber, PinMode.Output);
            }
        }

        /// <summary>Turns the LED on or off (a toggle: no PinValue to allocate, see ChipSelectLines).</summary>
        public void Show(bool lit)
        {
            if (_pin != null && lit != _lit)
            {
                _pin.Toggle();
                _lit = lit;
            }
        }
    }
}
