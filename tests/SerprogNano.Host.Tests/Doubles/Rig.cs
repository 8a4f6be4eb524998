using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Programmers.Emulator;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>An emulated programmer with one chip, and the host's client on it.</summary>
    internal static class Rig
    {
        public static SerprogEmulator Emulator(ISpiTarget chip, EngineSettings? settings = null)
        {
            return new SerprogEmulator(chip, settings);
        }

        public static SerprogClient Connect(SerprogEmulator emulator, SerprogClientOptions? options = null)
        {
            return SerprogClient.Connect(new EmulatorTransport(emulator), options);
        }

        public static MonitoringTransport Monitor(SerprogEmulator emulator, params byte[] hiddenOpcodes)
        {
            return new MonitoringTransport(new EmulatorTransport(emulator), hiddenOpcodes);
        }
    }
}
