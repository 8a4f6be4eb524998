namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0,
        Output = 3,
    }
}
