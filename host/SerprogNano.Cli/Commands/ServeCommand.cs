using System;
using System.CommandLine;
using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.IO;
using System.Net;
using SerprogNano.Sbc;
using SerprogNano.Spidev;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog serve`: this board's spidev as a serprog programmer on a TCP port, until stopped.</summary>
    public static class ServeCommand
    {
        /// <summary>The boards serve runs on number their GPIO lines well below this.</summary>
        private const int MaxGpio = 1023;

        public static Command Create(CliConsole console)
        {
            var spi = new Option<string>("--spi") { Description = "The spidev node the flash is wired to, e.g. /dev/spidev0.0 (Raspberry Pi), /dev/spidev1.0 (BeagleBone Black)", Required = true };
            Option<long?> csGpio = WholeNumberOption.Optional(
                "--cs-gpio",
                "Drive chip select from this GPIO (BCM number) so it stays low across transfers: then any O_SPIOP length works; "
                    + "without it spidev's own chip select is used and every operation must fit one transfer (bufsiz)",
                0,
                MaxGpio);
            Option<IPEndPoint> listen = TcpServing.ListenOption("Address and port to serve on; 127.0.0.1 (this board only) unless told otherwise (flashrom: -p serprog:ip=ADDRESS:PORT)");
            Option<long> idleTimeout = TcpServing.IdleTimeoutOption();
            Option<long?> maxSpeed = WholeNumberOption.Optional(
                "--max-spispeed", "Highest SPI clock in kHz that clients may set (default 512 on a BeagleBone Black, 32768 elsewhere)", 1, uint.MaxValue / 1000);
            var command = new Command("serve", "Serve this board's spidev as a serprog programmer over TCP until stopped (Ctrl+C)") { spi, csGpio, listen, idleTimeout, maxSpeed };
            command.SetAction(parse => Run(console, parse.GetRequiredValue(spi), (int?)parse.GetValue(csGpio), parse.GetRequiredValue(listen), (uint?)parse.GetValue(maxSpeed), TimeSpan.FromSeconds(parse.GetValue(idleTimeout))));
            return command;
        }

        private static int Run(CliConsole console, string devicePath, int? csGpio, IPEndPoint endpoint, uint? maxSpeedKhz, TimeSpan idleTimeout)
        {
            using Interruption stop = Interruption.Listen(console);
            GpioController? controller;
            try
            {
                controller = csGpio == null ? null : new GpioController();
            }
            catch (Exception e) when (e is GpiodException or DllNotFoundException or PlatformNotSupportedException or IOException or UnauthorizedAccessException)
            {
                // .NET IoT drives GPIO through libgpiod: a board without it (or without access) cannot use --cs-gpio.
                console.Error.WriteLine("error: --cs-gpio " + csGpio + ": cannot open this board's GPIO lines (" + e.GetBaseException().GetType().Name + "). "
                    + "Install libgpiod (Raspberry Pi OS, Debian: apt install libgpiod3, or libgpiod2 on older releases) and run as root or in the gpio group, "
                    + "or leave out --cs-gpio to use spidev's own chip select.");
                return ExitCodes.Failed;
            }

            using GpioController? gpio = controller;
            using GpioChipSelectLine? chipSelect = csGpio is int pin ? new GpioChipSelectLine(gpio!, pin) : null;
            SpidevServer server;
            try
            {
                server = SpidevServer.Start(SpidevSystem.Local, devicePath, chipSelect, endpoint, maxSpeedKhz * 1000, message => console.Error.WriteLine(message), idleTimeout);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.Failed;
            }

            using (server)
            {
                foreach (string warning in server.Warnings)
                {
                    console.Error.WriteLine("warning: " + warning);
                }

                IPEndPoint bound = server.LocalEndPoint;
                var settings = server.Device.Settings;
                console.Out.WriteLine($"serprog on {devicePath} listening on {bound}, chip select {(csGpio is int line ? "on GPIO " + line : "by spidev (one transfer per operation)")}, "
                    + $"max write {settings.MaxWriteLength} bytes, max read {settings.MaxReadLength} bytes");
                if (IPAddress.IsLoopback(bound.Address))
                {
                    console.Out.WriteLine("Only this board can connect (loopback). To serve the network, pass e.g. --listen 0.0.0.0:7777.");
                }
                else
                {
                    console.Error.WriteLine("warning: " + bound + " is reachable from other machines: anyone there can read and overwrite the flash on the clip.");
                }

                TcpServing.UntilStopped(console, bound, stop);
            }

            return ExitCodes.Ok;
        }
    }
}
