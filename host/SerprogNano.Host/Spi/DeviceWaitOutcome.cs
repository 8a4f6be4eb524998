namespace SerprogNano.Host.Spi
{
    /// <summary>How a device-side wait ended: whether the mask cleared in time, and the last status byte read.</summary>
    public readonly record struct DeviceWaitOutcome(bool TimedOut, byte LastStatus);
}
