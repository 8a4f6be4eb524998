using System;
using System.Text.Json.Nodes;
using SerprogNano.Host.Chips;
using SerprogNano.Host.LinuxSpi;
using SerprogNano.Host.Programmers;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli
{
    /// <summary>An opened programmer with the chip on its bus identified: what every flash command starts from.</summary>
    public sealed class FlashSession : IDisposable
    {
        private FlashSession(ProgrammerConnection connection, SpiNorFlash flash, ProbeResult probe)
        {
            Connection = connection;
            Flash = flash;
            Probe = probe;
        }

        public ProgrammerConnection Connection { get; }

        /// <summary>The serprog client; commands that need one refuse spidev first (<see cref="RequireSerprog"/>).</summary>
        public SerprogClient Client => RequireSerprog(Connection, "this command");

        public SpiNorFlash Flash { get; }

        public ProbeResult Probe { get; }

        public ChipDefinition Chip => Probe.Chip;

        /// <summary>Connects, reports the programmer, probes (or takes -c) and reports the chip.</summary>
        public static FlashSession Open(CommandContext context)
        {
            ProgrammerConnection connection = OpenProgrammer(context);
            try
            {
                ProbeResult probe = ProbeChip(connection, context.ChipName);
                foreach (string warning in probe.Warnings)
                {
                    context.Warn(warning);
                }

                ChipDefinition chip = probe.Chip;
                context.Say("Chip: " + chip.Vendor + " " + chip.Name + " (" + probe.Identity + ", " + Output.ByteUnits.Size(chip.Size) + ", " + (probe.Source == "forced" ? "named with -c" : "found by " + probe.Source) + ")");
                context.Result["chip"] = new JsonObject
                {
                    ["name"] = chip.Name,
                    ["vendor"] = chip.Vendor,
                    ["jedecId"] = chip.JedecId,
                    ["identity"] = probe.Identity.ToString(),
                    ["size"] = chip.Size,
                    ["source"] = probe.Source,
                };
                return new FlashSession(connection, new SpiNorFlash(connection.Master, chip), probe);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Connects and reports the programmer, without touching the chip.</summary>
        public static ProgrammerConnection OpenProgrammer(CommandContext context)
        {
            if (context.SpiSpeedHz is uint asked && context.Programmer.SpiSpeedHz is uint inString && asked != inString)
            {
                context.Warn("--spispeed " + Host.Programmers.SpiSpeed.Format(asked) + " replaces spispeed=" + Host.Programmers.SpiSpeed.Format(inString) + " of -p.");
            }

            ProgrammerConnection connection = ProgrammerConnector.Connect(context.Programmer, context.SpiSpeedHz);
            foreach (string warning in connection.Warnings)
            {
                context.Warn(warning);
            }

            if (connection.Spidev is LinuxSpiMaster spidev)
            {
                context.Say("Programmer: " + spidev.Description + ", SPI clock " + Host.Programmers.SpiSpeed.Format(spidev.ClockHz) + ", " + spidev.TransferLimit + " bytes per transfer (spidev bufsiz)");
                context.Result["programmer"] = new JsonObject
                {
                    ["spec"] = context.Programmer.Text,
                    ["name"] = "linux_spi",
                    ["link"] = spidev.DevicePath,
                    ["spiFrequency"] = spidev.ClockHz,
                    ["transferLimit"] = spidev.TransferLimit,
                };
                return connection;
            }

            SerprogClient client = RequireSerprog(connection, "serprog's start-up");
            string clock = client.SpiFrequency is uint hz ? ", SPI clock " + Host.Programmers.SpiSpeed.Format(hz) : "";
            context.Say("Programmer: \"" + client.ProgrammerName + "\" on " + client.Transport.Description + clock);
            context.Detail(DescribeLimits(client));
            context.Detail(DescribeDriving(client));
            context.Result["programmer"] = new JsonObject
            {
                ["spec"] = context.Programmer.Text,
                ["name"] = client.ProgrammerName,
                ["link"] = client.Transport.Description,
                ["spiFrequency"] = client.SpiFrequency,
                ["profile"] = client.Driving.Id,
                ["mode"] = client.Driving.Mode,
            };
            return connection;
        }

        /// <summary>The programmer's buffer and transfer limits in one line.</summary>
        public static string DescribeLimits(SerprogClient client)
        {
            string serialBuffer = client.SerialBufferSize + " bytes" + (client.SerialBufferReported ? "" : " (assumed: the device does not say)");
            return "  serial buffer " + serialBuffer + ", max write " + client.MaxWriteLength + " bytes, max read " + client.MaxReadLength + " bytes per O_SPIOP";
        }

        /// <summary>Which compatibility profile drives the programmer, and why.</summary>
        public static string DescribeDriving(SerprogClient client) => "  profile " + client.Driving.Id + " (" + client.Driving.Mode + "): " + client.Driving.Reason;

        public void Dispose() => Connection.Dispose();

        /// <summary>The serprog client, or a clear refusal for a spidev node, which has no serprog commands.</summary>
        public static SerprogClient RequireSerprog(ProgrammerConnection connection, string what)
        {
            return connection.Client ?? throw new CommandFailedException(what + " needs a serprog programmer, not " + connection.Master.Description + ".");
        }

        /// <summary>
        /// Probes with the user's -c if any. The emulator knows its own part, so an id shared by
        /// several database entries is settled by the emulated model's name instead of stopping.
        /// </summary>
        private static ProbeResult ProbeChip(ProgrammerConnection connection, string? forcedName)
        {
            try
            {
                return ChipProber.Probe(connection.Master, ChipDatabase.Default, forcedName);
            }
            catch (NoChipAnswerException silent) when (connection.Spidev != null && BoardAdvice.ForBlankId(connection.Spidev.Board) != null)
            {
                throw new SpiNorException("probe", null, silent.Message + " " + BoardAdvice.ForBlankId(connection.Spidev.Board), silent);
            }
            catch (AmbiguousChipException ambiguous) when (forcedName == null && connection.EmulatedChip != null)
            {
                string model = connection.EmulatedChip.Model.Name;
                foreach (ChipDefinition candidate in ambiguous.Candidates)
                {
                    foreach (string name in candidate.Names)
                    {
                        if (string.Equals(name, model, StringComparison.OrdinalIgnoreCase))
                        {
                            ProbeResult named = ChipProber.Probe(connection.Master, ChipDatabase.Default, candidate.Name);
                            return named with { Source = "database (the emulator's " + model + ")" };
                        }
                    }
                }

                throw;
            }
        }
    }
}
