namespace System.Device.Spi
{
    public enum DataFlow
    {
        MsbFirst = 0,
        LsbFirst = 1,
    }
}
