using NanoFrameworkStandIn;

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            throw NotOnThisMachine.Error();
        }
    }
}
