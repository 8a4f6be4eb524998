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

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw NotOnThisMachine.Error();
        }

        public void Dispose()
        {
            throw NotOnThisMachine.Error();
        }
    }
}
