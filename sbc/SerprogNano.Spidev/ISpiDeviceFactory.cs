using System.Device.Spi;

namespace SerprogNano.Spidev
{
    /// <summary>Where spidev devices come from: the kernel's device nodes, or a test double.</summary>
    public interface ISpiDeviceFactory
    {
        /// <summary>Whether the device node exists (SPI is enabled and the overlay loaded).</summary>
        bool Exists(string devicePath);

        /// <summary>Opens the device for <paramref name="settings"/>' bus and chip-select line.</summary>
        SpiDevice Create(SpiConnectionSettings settings);
    }
}
