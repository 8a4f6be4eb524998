using System;
using System.Net;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine.Hosting.Tcp;

namespace SerprogNano.Interop.Tests.Doubles
{
    /// <summary>The serprog firmwares people own, each as a test double.</summary>
    public enum Firmware
    {
        PicoSerprog,
        PicoSerprogLibreboot,
        StmVserprog,
        FrserDuino,
        Esp32Serprog,
        Unknown,
    }

    /// <summary>A firmware double in front of an emulated chip, served on a free loopback port (flashrom's serprog:ip=).</summary>
    internal sealed class ServedFirmware : IDisposable
    {
        private readonly SerprogTcpServer _server;

        /// <param name="esp32Tick">esp32-serprog's vTaskDelay(1) after each command.</param>
        /// <param name="link">A UART between host and device; null for loopback speed.</param>
        public ServedFirmware(Firmware firmware, SpiNorModel model, bool busyTimes = false, TimeSpan? esp32Tick = null, LinkModel? link = null)
        {
            Chip = new EmulatedSpiNor(model, new EmulatedSpiNorOptions { BusyTimes = busyTimes });
            Double = firmware switch
            {
                Firmware.PicoSerprog => new PicoSerprogDouble(Chip),
                Firmware.PicoSerprogLibreboot => new PicoSerprogLibrebootDouble(Chip),
                Firmware.StmVserprog => new StmVserprogDouble(Chip),
                Firmware.FrserDuino => new FrserDuinoDouble(Chip),
                Firmware.Esp32Serprog => new Esp32SerprogDouble(Chip, esp32Tick ?? TimeSpan.Zero),
                Firmware.Unknown => new UnknownFirmwareDouble(Chip),
                _ => throw new ArgumentOutOfRangeException(nameof(firmware)),
            };
            Firmware = firmware;
            _server = new SerprogTcpServer(Double.Serve, new IPEndPoint(IPAddress.Loopback, 0), model: link);
        }

        public Firmware Firmware { get; }

        public EmulatedSpiNor Chip { get; }

        public FirmwareDouble Double { get; }

        public string Endpoint => _server.LocalEndPoint.ToString();

        /// <summary>The compatibility profile the host should choose for this firmware.</summary>
        public static string ExpectedProfile(Firmware firmware) => firmware switch
        {
            Firmware.PicoSerprog => "pico-serprog",
            Firmware.PicoSerprogLibreboot => "pico-serprog-libreboot",
            Firmware.StmVserprog => "stm32-vserprog",
            Firmware.FrserDuino => "frser-duino",
            Firmware.Esp32Serprog => "esp32-serprog",
            _ => "unknown",
        };

        public void Dispose() => _server.Dispose();
    }
}
