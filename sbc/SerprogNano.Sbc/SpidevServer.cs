using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using SerprogNano.Engine.Hosting.Tcp;
using SerprogNano.Engine;
using SerprogNano.Spidev;

namespace SerprogNano.Sbc
{
    /// <summary>
    /// `serprog serve`: a board's spidev node as a serprog programmer on a TCP port, so flashprog,
    /// flashrom or our host elsewhere can use it as <c>-p serprog:ip=HOST:PORT</c>.
    /// </summary>
    public sealed class SpidevServer : IDisposable
    {
        /// <summary>Highest clock granted unless told: the guide's spispeed=32768 for a Raspberry Pi.</summary>
        public const uint DefaultMaximumHz = 32_768_000;

        /// <summary>Clock until the client asks for one: flashrom's linux_spi default.</summary>
        public const uint InitialHz = 2_000_000;

        private readonly SerprogTcpServer _tcp;
        private readonly Action<string> _log;

        private SpidevServer(SpidevSerprogDevice device, BoardKind board, IReadOnlyList<string> warnings, IPEndPoint endpoint, Action<string> log, TimeSpan? idleTimeout)
        {
            Device = device;
            Board = board;
            Warnings = warnings;
            _log = log;
            _tcp = new SerprogTcpServer(Serve, endpoint, idleTimeout: idleTimeout);
            _tcp.ClientChanged += log;
        }

        public SpidevSerprogDevice Device { get; }

        public BoardKind Board { get; }

        /// <summary>The guide's advice for this board and clock.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public IPEndPoint LocalEndPoint => _tcp.LocalEndPoint;

        /// <param name="maximumHz">Cap on what clients may ask for; null for 512 kHz on a BeagleBone Black, <see cref="DefaultMaximumHz"/> elsewhere.</param>
        /// <param name="idleTimeout">How long a client may send nothing before it is disconnected; the server's default when null.</param>
        public static SpidevServer Start(
            SpidevSystem system, string devicePath, IChipSelectLine? gpioChipSelect, IPEndPoint endpoint, uint? maximumHz, Action<string> log, TimeSpan? idleTimeout = null)
        {
            ArgumentNullException.ThrowIfNull(system);
            ArgumentNullException.ThrowIfNull(endpoint);
            ArgumentNullException.ThrowIfNull(log);
            BoardKind board = system.DetectBoard();
            SpidevPath path = system.Locate(devicePath, board);

            uint maximum = maximumHz ?? (board == BoardKind.BeagleBoneBlack ? BoardAdvice.BeagleBoneMaxHz : DefaultMaximumHz);
            var warnings = new List<string>();
            string? clockAdvice = BoardAdvice.ForClock(board, maximum);
            if (clockAdvice != null)
            {
                warnings.Add(clockAdvice);
            }

            var port = new SpidevPort(system, path, system.ReadBufferSize(), Math.Min(InitialHz, maximum), maximum);
            var device = new SpidevSerprogDevice(port, gpioChipSelect);
            try
            {
                return new SpidevServer(device, board, warnings, endpoint, log, idleTimeout);
            }
            catch
            {
                device.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            _tcp.Dispose();
            Device.Dispose();
        }

        /// <summary>A fault on the bus ends that client's connection, not the server.</summary>
        private void Serve(ISerialLink link)
        {
            try
            {
                Device.Serve(link);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                _log("connection closed: " + e.Message);
            }
        }
    }
}
