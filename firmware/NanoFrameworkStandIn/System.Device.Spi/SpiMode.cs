namespace System.Device.Spi
{
    public enum SpiMode
    {
        Mode0 = 0,
        Mode1 = 1,
        Mode2 = 2,
        Mode3 = 3,
    }
}
