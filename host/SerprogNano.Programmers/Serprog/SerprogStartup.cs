using SerprogNano.Host.Serprog;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.Programmers.Serprog
{
    /// <summary>serprog's start-up on any transport, with the clock and chip select the user asked for.</summary>
    internal static class SerprogStartup
    {
        public static SerprogClient Connect(IByteTransport transport, ProgrammerSpec spec, ProgrammerEnvironment environment)
        {
            var options = new SerprogClientOptions
            {
                SpiFrequency = environment.SpiSpeedHz,
                ChipSelect = spec.ChipSelect,
                BaudRate = environment.BaudRate,
            };
            return SerprogClient.Connect(transport, options);
        }
    }
}
