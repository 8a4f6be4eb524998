namespace SerprogNano.Host.Spi
{
    /// <summary>
    /// How a device-side wait ended: whether the mask cleared in time, and the last status byte read. Damaged: the link
    /// damaged the command or its reply (the device refused it, or answered out of step), so whether it ran is unknown.
    /// </summary>
    public readonly record struct DeviceWaitOutcome(bool TimedOut, byte LastStatus, bool Damaged = false);
}
