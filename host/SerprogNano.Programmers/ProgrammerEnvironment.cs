using SerprogNano.Spidev;

namespace SerprogNano.Programmers
{
    /// <summary>What opening a programmer takes besides its -p string.</summary>
    /// <param name="SpiSpeedHz">The SPI clock to ask for (--spispeed, else spispeed=), or null for the programmer's default.</param>
    /// <param name="Spidev">Where linux_spi finds its device and the kernel's files.</param>
    /// <param name="BaudRate">The line rate to move a serprog link to after its start-up, or null to keep the one it opened at.</param>
    public sealed record ProgrammerEnvironment(uint? SpiSpeedHz, SpidevSystem Spidev, int? BaudRate = null);
}
