using System;
using NanoFrameworkStandIn;

namespace System.Device.Gpio
{
    /// <summary>
    /// The members the board layer calls, with what the real ones do (System.Device.Gpio 1.1.62 and
    /// nf-interpreter's natives; the stand-in itself only throws). Write(PinValue) is left out on purpose:
    /// it throws ArgumentException unless the pin is an output, and allocates a PinValue per call.
    /// </summary>
    public sealed class GpioPin : IDisposable
    {
        private GpioPin()
        {
        }

        /// <summary>Real: an output mode drives the pin low first (ESP32 cpu_gpio.cpp, CPU_GPIO_EnableOutputPin).</summary>
        public void SetPinMode(PinMode value)
        {
            throw NotOnThisMachine.Error();
        }

        /// <summary>Real: inverts the level the driver last set; does nothing (no exception) unless the pin is an output.</summary>
        public void Toggle()
        {
            throw NotOnThisMachine.Error();
        }

        /// <summary>Real: frees the pin but leaves it in GpioController's list; GpioController.ClosePin removes it.</summary>
        public void Dispose()
        {
            throw NotOnThisMachine.Error();
        }
    }
}
