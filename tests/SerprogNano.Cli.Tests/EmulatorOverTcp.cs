using System;
using System.Net;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Engine.Hosting.Tcp;

namespace SerprogNano.Cli.Tests
{
    /// <summary>
    /// An emulated chip that outlives single commands, served on a loopback port as `serprog emulate`
    /// serves it, so a test can write with one command, read with the next, and look at the chip itself.
    /// </summary>
    public sealed class EmulatorOverTcp : IDisposable
    {
        private readonly SerprogTcpServer _server;

        /// <param name="extensions">Whether it offers the SerprogNano extensions; without, it is a plain serprog v1 programmer.</param>
        /// <param name="idleTimeout">How long a client may stay silent; the server's default when null.</param>
        public EmulatorOverTcp(SpiNorModel model, EmulatedSpiNorOptions? options = null, bool extensions = true, TimeSpan? idleTimeout = null)
        {
            Chip = options == null ? new EmulatedSpiNor(model) : new EmulatedSpiNor(model, options);
            _server = new SerprogTcpServer(
                new SerprogEmulator(Chip) { LinkFaults = LinkFaults, Extensions = extensions }.Serve, new IPEndPoint(IPAddress.Loopback, 0), idleTimeout: idleTimeout);
        }

        public EmulatedSpiNor Chip { get; }

        /// <summary>Faults of the device's link, none until a test sets some.</summary>
        public LinkFaults LinkFaults { get; } = new();

        /// <summary>Our short form, tcp:127.0.0.1:PORT.</summary>
        public string Programmer => "tcp:" + _server.LocalEndPoint;

        /// <summary>flashprog's form, serprog:ip=127.0.0.1:PORT.</summary>
        public string FlashprogProgrammer => "serprog:ip=" + _server.LocalEndPoint;

        /// <summary>Waits until the last client's commands have run out (see <see cref="SerprogTcpServer.WaitUntilFree"/>).</summary>
        public bool WaitUntilFree(TimeSpan timeout) => _server.WaitUntilFree(timeout);

        public void Dispose() => _server.Dispose();
    }
}
