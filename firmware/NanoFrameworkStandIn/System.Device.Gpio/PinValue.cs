using NanoFrameworkStandIn;

namespace System.Device.Gpio
{
    public readonly struct PinValue
    {
        public static PinValue High
        {
            get { throw NotOnThisMachine.Error(); }
        }

        public static PinValue Low
        {
            get { throw NotOnThisMachine.Error(); }
        }
    }
}
