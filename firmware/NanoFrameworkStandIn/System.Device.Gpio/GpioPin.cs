using System;
using NanoFrameworkStandIn;

namespace System.Device.Gpio
{
    public sealed class GpioPin : IDisposable
    {
        private GpioPin()
        {
        }

        public void SetPinMode(PinMode value)
        {
            throw NotOnThisMachine.Error();
        }

        public void Write(PinValue value)
        {
            throw NotOnThisMachine.Error();
        }

        public void Dispose()
        {
            throw NotOnThisMachine.Error();
        }
    }
}
