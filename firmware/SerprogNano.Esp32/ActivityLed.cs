using System.Device.Gpio;

namespace SerprogNano.Esp32
{
    /// <summary>Lit while the programmer drives the lines to the chip: do not unclip then.</summary>
    public sealed class ActivityLed
    {
        private readonly GpioPin _pin;

        /// <param name="pinNumber">The LED's GPIO, or -1 for a board without one.</param>
        public ActivityLed(GpioController gpio, int pinNumber)
        {
            if (pinNumber >= 0)
            {
                _pin = gpio.OpenPin(pinNumber, PinMode.Output);
                _pin.Write(PinValue.Low);
            }
        }

        public void Show(bool driving)
        {
            if (_pin != null)
            {
                _pin.Write(driving ? PinValue.High : PinValue.Low);
            }
        }
    }
}
