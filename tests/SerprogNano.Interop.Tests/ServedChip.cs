using System;
using System.Net;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Tcp;

namespace SerprogNano.Interop.Tests
{
    /// <summary>An emulated W25Q64FV behind the serprog TCP server on a free loopback port.</summary>
    internal sealed class ServedChip : IDisposable
    {
        private readonly SerprogTcpServer _server;

        public ServedChip()
        {
            Chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            _server = new SerprogTcpServer(new SerprogEmulator(Chip).Serve, new IPEndPoint(IPAddress.Loopback, 0));
        }

        public EmulatedSpiNor Chip { get; }

        public string Endpoint => _server.LocalEndPoint.ToString();

        public void Dispose() => _server.Dispose();
    }
}
