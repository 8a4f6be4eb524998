using System;
using NanoFrameworkStandIn;

namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController()
        {
            throw NotOnThisMachine.Error();
        }

        /// <summary>Real: InvalidOperationException when the pin is reserved (open, or an open SPI bus's pin).</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw NotOnThisMachine.Error();
        }

        /// <summary>Real: disposes the pin and removes it from the controller; InvalidOperationException if not opened here.</summary>
        public void ClosePin(int pinNumber)
        {
            throw NotOnThisMachine.Error();
        }

        /// <summary>Real: whether the pin is reserved, by a GpioPin or by an open SPI bus (nanoHAL_Spi.cpp).</summary>
        public bool IsPinOpen(int pinNumber)
        {
            throw NotOnThisMachine.Error();
        }

        public void Dispose()
        {
            throw NotOnThisMachine.Error();
        }
    }
}
