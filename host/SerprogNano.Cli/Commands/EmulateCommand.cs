using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Net;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine.Hosting.Tcp;
using SerprogNano.Programmers.Emulator;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog emulate`: the device engine and an emulated chip behind a TCP port, until stopped.</summary>
    public static class EmulateCommand
    {
        public static Command Create(CliConsole console)
        {
            Option<IPEndPoint> listen = TcpServing.ListenOption("Address and port to serve on (flashrom: -p serprog:ip=ADDRESS:PORT)");
            Option<long> idleTimeout = TcpServing.IdleTimeoutOption();
            var chip = new Option<SpiNorModel?>("--chip")
            {
                Description = "Emulated part (default " + SpiNorModels.Default.Name + "): " + string.Join(", ", SpiNorModels.Names),
                CustomParser = ParseModel,
            };
            var image = new Option<FileInfo?>("--image") { Description = "Start with these contents (exactly the chip's size); else erased" };
            var save = new Option<FileInfo?>("--save") { Description = "Write the chip's contents to this file when stopped" };
            save.Validators.Add(CheckSaveTarget);
            var busy = new Option<bool>("--busy") { Description = "Report datasheet busy times for programs and erases" };
            Option<long> baud = WholeNumberOption.Create("--baud", "Model a UART of this many baud (8N1: baud/10 bytes per second) in each direction; 0 for no rate limit", 0, LinkModel.MaxBaudRate, 0);
            Option<long> latency = WholeNumberOption.Create("--latency-us", "Model this much latency per direction, in microseconds", 0, LinkModel.MaxLatencyMicroseconds, 0);
            var shape = new Option<string?>("--link")
            {
                Description = "How the modeled link delivers bytes: packets (64-byte USB packets, the default) or bursty (held and released in 4 KiB bursts)",
            };
            shape.AcceptOnlyFromAmong(LinkModel.ShapeNames);
            var fault = new Option<string[]>("--fault") { Description = "Link fault to inject (repeatable): " + LinkFaultText.Syntax, Arity = ArgumentArity.ZeroOrMore };
            var chipFault = new Option<string[]>("--chip-fault") { Description = "Chip fault to inject (repeatable): " + ChipFaultText.Syntax, Arity = ArgumentArity.ZeroOrMore };
            var noExtensions = new Option<bool>("--no-extensions") { Description = "Serve plain serprog v1, as other firmwares do: no SerprogNano extensions (device-side waits and CRC) in Q_CMDMAP" };
            var command = new Command("emulate", "Serve an emulated serprog programmer with an SPI NOR chip over TCP until stopped (Ctrl+C)")
            {
                listen, idleTimeout, chip, image, save, busy, baud, latency, shape, fault, chipFault, noExtensions,
            };
            command.SetAction(parse =>
            {
                // --link was checked against the shapes above, so the settings take every value given.
                EmulatorSettings settings = EmulatorSettings.Of(
                    parse.GetValue(chip),
                    parse.GetValue(baud),
                    parse.GetValue(latency),
                    parse.GetValue(shape),
                    parse.GetValue(busy),
                    !parse.GetValue(noExtensions),
                    parse.GetValue(image)?.FullName);
                return Run(
                    console,
                    parse.GetRequiredValue(listen),
                    TimeSpan.FromSeconds(parse.GetValue(idleTimeout)),
                    settings,
                    parse.GetValue(save),
                    parse.GetValue(fault) ?? Array.Empty<string>(),
                    parse.GetValue(chipFault) ?? Array.Empty<string>());
            });
            return command;
        }

        private static SpiNorModel? ParseModel(ArgumentResult result)
        {
            try
            {
                return EmulatorSettings.FindChip(result.Tokens[0].Value);
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
                return null;
            }
        }

        /// <summary>A --save that cannot be written is found now, not when the chip's contents are lost at the end.</summary>
        private static void CheckSaveTarget(OptionResult result)
        {
            FileInfo? save = result.GetValueOrDefault<FileInfo?>();
            if (save is null)
            {
                return;
            }

            try
            {
                AtomicFile.CheckTarget(save.FullName, "the chip's contents (--save)", null, "the emulator did not start.");
            }
            catch (CommandFailedException e)
            {
                result.AddError(e.Message);
            }
        }

        private static int Run(CliConsole console, IPEndPoint endpoint, TimeSpan idleTimeout, EmulatorSettings settings, FileInfo? save, string[] linkFaultTexts, string[] chipFaultTexts)
        {
            EmulatedSpiNor chip = settings.CreateChip();
            SpiNorModel model = chip.Model;
            LinkModel? link = settings.Link;
            if (settings.ImagePath is string imagePath)
            {
                var image = new FileInfo(imagePath);
                byte[] contents;
                try
                {
                    contents = ImageFile.Load(image);
                }
                catch (CommandFailedException e)
                {
                    console.Error.WriteLine("error: " + e.Message);
                    return ExitCodes.Failed;
                }

                try
                {
                    chip.Load(contents);
                }
                catch (InvalidDataException e)
                {
                    console.Error.WriteLine($"error: image '{image.Name}': {e.Message}");
                    return ExitCodes.Failed;
                }
            }

            SerprogEmulator emulator = settings.CreateEmulator(chip);
            try
            {
                emulator.LinkFaults = InjectedFaults.Apply(linkFaultTexts, chipFaultTexts, chip);
            }
            catch (FormatException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.Usage;
            }

            using Interruption stop = Interruption.Listen(console);
            SerprogTcpServer server;
            try
            {
                server = new SerprogTcpServer(emulator.Serve, endpoint, model: link, idleTimeout: idleTimeout);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                console.Error.WriteLine($"error: cannot listen on {endpoint}: {e.Message}. Pick another port with --listen.");
                return ExitCodes.Failed;
            }

            using (server)
            {
                server.ClientChanged += message => console.Error.WriteLine(message);
                IPEndPoint bound = server.LocalEndPoint;
                console.Out.WriteLine($"serprog emulator listening on {bound} ({model.Name}, {model.Size / 1024} KiB{(link is null ? string.Empty : ", link " + link)}{(settings.Extensions ? string.Empty : ", serprog v1 only")})");
                if (!IPAddress.IsLoopback(bound.Address))
                {
                    console.Out.WriteLine("note: this address is reachable from other machines.");
                }

                foreach (string injected in InjectedFaults.Describe(emulator.LinkFaults, chip))
                {
                    console.Out.WriteLine("fault: " + injected);
                }

                TcpServing.UntilStopped(console, bound, stop);
            }

            if (save is not null)
            {
                try
                {
                    AtomicFile.Write(save.FullName, chip.Snapshot(), overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or CommandFailedException)
                {
                    console.Error.WriteLine("error: " + e.Message);
                    return ExitCodes.Failed;
                }

                console.Out.WriteLine($"saved {model.Size} bytes to {save.FullName}");
            }

            return ExitCodes.Ok;
        }
    }
}
