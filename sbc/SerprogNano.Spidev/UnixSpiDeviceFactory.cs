using System.Device.Spi;
using System.IO;

namespace SerprogNano.Spidev
{
    /// <summary>The kernel's spidev nodes through .NET IoT's <see cref="SpiDevice.Create"/>.</summary>
    public sealed class UnixSpiDeviceFactory : ISpiDeviceFactory
    {
        public bool Exists(string devicePath) => File.Exists(devicePath);

        public SpiDevice Create(SpiConnectionSettings settings) => SpiDevice.Create(settings);
    }
}
