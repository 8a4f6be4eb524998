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

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog emulate`: the device engine and an emulated chip behind a TCP port, until stopped.</summary>
    public static class EmulateCommand
    {
        public static Command Create(CliConsole console)
        {
            Option<IPEndPoint> listen = TcpServing.ListenOption("Address and port to serve on (flashrom: -p serprog:ip=ADDRESS:PORT)");
            Option<long> idleTimeout = TcpServing.IdleTimeoutOption();
            var chip = new Option<SpiNorModel>("--chip")
            {
                Description = "Emulated part: " + string.Join(", ", SpiNorModels.Names),
                DefaultValueFactory = _ => SpiNorModels.Default,
                CustomParser = ParseModel,
            };
            var image = new Option<FileInfo?>("--image") { Description = "Start with these contents (exactly the chip's size); else erased" };
            var save = new Option<FileInfo?>("--save") { Description = "Write the chip's contents to this file when stopped" };
            save.Validators.Add(CheckSaveTarget);
            var busy = new Option<bool>("--busy") { Description = "Report datasheet busy times for programs and erases" };
            Option<long> baud = WholeNumberOption.Create("--baud", "Model a UART of this many baud (8N1: baud/10 bytes per second) in each direction; 0 for no rate limit", 0, LinkModel.MaxBaudRate, 0);
            Option<long> latency = WholeNumberOption.Create("--latency-us", "Model this much latency per direction, in microseconds", 0, LinkModel.MaxLatencyMicroseconds, 0);
            var shape = new Option<string>("--link")
            {
                Description = "How the modeled link delivers bytes: packets (64-byte USB packets) or bursty (held and released in 4 KiB bursts)",
                DefaultValueFactory = _ => LinkModel.ShapeNames[0],
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
                long baudRate = parse.GetValue(baud);
                long latencyMicroseconds = parse.GetValue(latency);
                var emulated = new EmulatedSpiNor(parse.GetRequiredValue(chip), new EmulatedSpiNorOptions { BusyTimes = parse.GetValue(busy) });
                return Run(
                    console,
                    parse.GetRequiredValue(listen),
                    TimeSpan.FromSeconds(parse.GetValue(idleTimeout)),
                    emulated,
                    parse.GetValue(image),
                    parse.GetValue(save),
                    baudRate == 0 && latencyMicroseconds == 0 ? null : new LinkModel(baudRate, latencyMicroseconds).WithShape(parse.GetRequiredValue(shape)),
                    parse.GetValue(fault) ?? Array.Empty<string>(),
                    parse.GetValue(chipFault) ?? Array.Empty<string>(),
                    !parse.GetValue(noExtensions));
            });
            return command;
        }

        private static SpiNorModel? ParseModel(ArgumentResult result)
        {
            string name = result.Tokens[0].Value;
            SpiNorModel? model = SpiNorModels.Find(name);
            if (model is null)
            {
                result.AddError($"no emulated part named '{name}'. Choose one of: {string.Join(", ", SpiNorModels.Names)}.");
            }

            return model;
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

        private static int Run(CliConsole console, IPEndPoint endpoint, TimeSpan idleTimeout, EmulatedSpiNor chip, FileInfo? image, FileInfo? save, LinkModel? link, string[] linkFaultTexts, string[] chipFaultTexts, bool extensions)
        {
            SpiNorModel model = chip.Model;
            if (image is not null)
            {
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

            var emulator = new SerprogEmulator(chip) { Extensions = extensions };
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
                console.Out.WriteLine($"serprog emulator listening on {bound} ({model.Name}, {model.Size / 1024} KiB{(link is null ? string.Empty : ", link " + link)}{(extensions ? string.Empty : ", serprog v1 only")})");
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
