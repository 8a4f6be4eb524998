using System;
using SerprogNano.Spidev;

namespace SerprogNano.Programmers
{
    /// <summary>Opens the programmer a <see cref="ProgrammerSpec"/> names: its registry entry knows how.</summary>
    public static class ProgrammerConnector
    {
        /// <param name="spiSpeedHz">An SPI clock that replaces the spec's spispeed= (the CLI's --spispeed).</param>
        /// <param name="spidev">Where linux_spi finds its device and the kernel's files; the local system if null.</param>
        public static ProgrammerConnection Connect(ProgrammerSpec spec, uint? spiSpeedHz = null, SpidevSystem? spidev = null)
        {
            ArgumentNullException.ThrowIfNull(spec);
            return spec.Open(new ProgrammerEnvironment(spiSpeedHz ?? spec.SpiSpeedHz, spidev ?? SpidevSystem.Local));
        }
    }
}
