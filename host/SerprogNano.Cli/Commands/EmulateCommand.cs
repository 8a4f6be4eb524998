using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Emulator.Links;
using SerprogNano.Emulator.Tcp;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog emulate`: the device engine and an emulated chip behind a TCP port, until stopped.</summary>
    public static class EmulateCommand
    {
        public static Command Create(CliConsole console)
        {
            var listen = new Option<string>("--listen")
            {
                Description = "Address and port to serve on (flashrom: -p serprog:ip=ADDRESS:PORT)",
                DefaultValueFactory = _ => "127.0.0.1:7777",
            };
            var chip = new Option<string>("--chip")
            {
                Description = "Emulated part: " + string.Join(", ", ModelNames()),
                DefaultValueFactory = _ => SpiNorModels.Default.Name,
            };
            var image = new Option<FileInfo?>("--image") { Description = "Start with these contents (exactly the chip's size); else erased" };
            var save = new Option<FileInfo?>("--save") { Description = "Write the chip's contents to this file when stopped" };
            var busy = new Option<bool>("--busy") { Description = "Report datasheet busy times for programs and erases" };
            var baud = new Option<long>("--baud") { Description = "Model a UART of this many baud (8N1: baud/10 bytes per second) in each direction" };
            var latency = new Option<long>("--latency-us") { Description = "Model this much latency per direction, in microseconds" };
            var shape = new Option<string>("--link")
            {
                Description = "How the modeled link delivers bytes: packets (64-byte USB packets) or bursty (held and released in 4 KiB bursts)",
                DefaultValueFactory = _ => LinkModel.ShapeNames[0],
            };
            shape.AcceptOnlyFromAmong(LinkModel.ShapeNames);
            var fault = new Option<string[]>("--fault") { Description = "Link fault to inject (repeatable): " + LinkFaultText.Syntax, Arity = ArgumentArity.ZeroOrMore };
            var chipFault = new Option<string[]>("--chip-fault") { Description = "Chip fault to inject (repeatable): " + ChipFaultText.Syntax, Arity = ArgumentArity.ZeroOrMore };
            var command = new Command("emulate", "Serve an emulated serprog programmer with an SPI NOR chip over TCP until stopped (Ctrl+C)")
            {
                listen, chip, image, save, busy, baud, latency, shape, fault, chipFault,
            };
            command.SetAction(parse => Run(
                console,
                parse.GetRequiredValue(listen),
                parse.GetRequiredValue(chip),
                parse.GetValue(image),
                parse.GetValue(save),
                parse.GetValue(busy),
                parse.GetValue(baud),
                parse.GetValue(latency),
                parse.GetRequiredValue(shape),
                parse.GetValue(fault) ?? Array.Empty<string>(),
                parse.GetValue(chipFault) ?? Array.Empty<string>()));
            return command;
        }

        private static string[] ModelNames()
        {
            var names = new string[SpiNorModels.All.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = SpiNorModels.All[i].Name;
            }

            return names;
        }

        private static int Run(CliConsole console, string listen, string chipName, FileInfo? image, FileInfo? save, bool busy, long baud, long latencyMicroseconds, string linkShape, string[] linkFaultTexts, string[] chipFaultTexts)
        {
            if (baud < 0 || latencyMicroseconds < 0)
            {
                console.Error.WriteLine("error: --baud and --latency-us cannot be negative.");
                return ExitCodes.Usage;
            }

            LinkModel? link = baud == 0 && latencyMicroseconds == 0 ? null : new LinkModel(baud, latencyMicroseconds).WithShape(linkShape);

            if (!IPEndPoint.TryParse(listen, out IPEndPoint? endpoint) || endpoint.Port == 0 && !listen.EndsWith(":0", StringComparison.Ordinal))
            {
                console.Error.WriteLine($"error: --listen wants ADDRESS:PORT, e.g. 127.0.0.1:7777; got '{listen}'.");
                return ExitCodes.Usage;
            }

            if (save is not null)
            {
                // Found now, not when the chip's contents are lost at the end.
                try
                {
                    AtomicFile.CheckTarget(save.FullName, "the chip's contents (--save)", null, "the emulator did not start.");
                }
                catch (CommandFailedException e)
                {
                    console.Error.WriteLine("error: " + e.Message);
                    return ExitCodes.Usage;
                }
            }

            SpiNorModel? model = SpiNorModels.Find(chipName);
            if (model is null)
            {
                console.Error.WriteLine($"error: no emulated part named '{chipName}'. Choose one of: {string.Join(", ", ModelNames())}.");
                return ExitCodes.Usage;
            }

            var chip = new EmulatedSpiNor(model, new EmulatedSpiNorOptions { BusyTimes = busy });
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

                if (contents.Length != model.Size)
                {
                    console.Error.WriteLine($"error: image '{image.Name}' has {contents.Length} bytes; {model.Name} holds {model.Size}.");
                    return ExitCodes.Failed;
                }

                chip.Load(contents);
            }

            var emulator = new SerprogEmulator(chip);
            try
            {
                emulator.LinkFaults = InjectedFaults.Apply(linkFaultTexts, chipFaultTexts, chip);
            }
            catch (FormatException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.Usage;
            }

            using var stop = new ManualResetEventSlim();
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Set();
            }

            SerprogTcpServer server;
            try
            {
                server = new SerprogTcpServer(emulator, endpoint, model: link);
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
                console.Out.WriteLine($"serprog emulator listening on {bound} ({model.Name}, {model.Size / 1024} KiB{(link is null ? string.Empty : ", link " + link)})");
                if (!IPAddress.IsLoopback(bound.Address))
                {
                    console.Out.WriteLine("note: this address is reachable from other machines.");
                }

                console.Out.WriteLine($"flashrom/flashprog: -p serprog:ip={bound}    serprog: -p tcp:{bound}");
                foreach (string injected in InjectedFaults.Describe(emulator.LinkFaults, chip))
                {
                    console.Out.WriteLine("fault: " + injected);
                }

                console.Out.WriteLine("Stop with Ctrl+C.");
                stop.Wait();
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
