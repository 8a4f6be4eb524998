using System.IO;

namespace SerprogNano.Spidev
{
    /// <summary>The spidev node is missing; the message says how to enable SPI on the board.</summary>
    public sealed class SpidevNotFoundException : IOException
    {
        public SpidevNotFoundException(string message)
            : base(message)
        {
        }
    }
}
