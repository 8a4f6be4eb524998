using System;
using System.Device.Gpio;

namespace SerprogNano.Sbc
{
    /// <summary>Chip select on a GPIO pin (BCM numbering on a Raspberry Pi) through .NET IoT's <see cref="GpioController"/>.</summary>
    public sealed class GpioChipSelectLine : IChipSelectLine, IDisposable
    {
        private readonly GpioController _controller;
        private readonly int _pin;

        public GpioChipSelectLine(GpioController controller, int pin)
        {
            ArgumentNullException.ThrowIfNull(controller);
            _controller = controller;
            _pin = pin;
        }

        public void Drive()
        {
            if (_controller.IsPinOpen(_pin))
            {
                _controller.ClosePin(_pin);
            }

            // Opened as an output that starts high, so the chip never sees a select pulse.
            _controller.OpenPin(_pin, PinMode.Output, PinValue.High);
        }

        public void Set(bool asserted) => _controller.Write(_pin, asserted ? PinValue.Low : PinValue.High);

        public void Release()
        {
            if (_controller.IsPinOpen(_pin))
            {
                _controller.SetPinMode(_pin, PinMode.Input);
            }
            else
            {
                _controller.OpenPin(_pin, PinMode.Input);
            }
        }

        public void Dispose()
        {
            if (_controller.IsPinOpen(_pin))
            {
                _controller.SetPinMode(_pin, PinMode.Input);
                _controller.ClosePin(_pin);
            }
        }
    }
}
