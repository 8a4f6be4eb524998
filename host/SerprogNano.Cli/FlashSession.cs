using System;
using System.Text.Json.Nodes;
using SerprogNano.Chips;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;
using SerprogNano.Programmers;
using SerprogNano.Programmers.LinuxSpi;

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

        /// <summary>
        /// Connects, reports the programmer, probes (or takes -c) and reports the chip. A part named with -c that
        /// the chip contradicts is refused before anything happens when <paramref name="use"/> changes the chip
        /// (or compares it, when the sizes differ); reading goes on with the warning. A part whose quirks serprog does
        /// not drive (<see cref="ChipDefinition.ChangeRefusal"/>) is never changed.
        /// </summary>
        public static FlashSession Open(CommandContext context, ChipUse use = ChipUse.Read)
        {
            if (context.ChipName != null && ChipDatabase.Default.FindByName(context.ChipName) == null)
            {
                // A misspelt -c is a usage mistake, found before the programmer is touched.
                throw new UsageException(new UnknownChipException(context.ChipName, ChipDatabase.Default).Message);
            }

            ProgrammerConnection connection = OpenProgrammer(context);
            try
            {
                ProbeResult probe = ProbeChip(connection, context.ChipName);
                ChipDefinition chip = probe.Chip;
                var chipJson = new JsonObject
                {
                    ["name"] = chip.Name,
                    ["vendor"] = chip.Vendor,
                    ["jedecId"] = chip.JedecId,
                    ["identity"] = probe.Identity.ToString(),
                    ["size"] = chip.Size,
                    ["source"] = probe.Source,
                };
                context.Result["chip"] = chipJson;
                if (probe.Contradiction != null)
                {
                    chipJson["contradiction"] = probe.Contradiction;
                    RefuseContradictedPart(probe, use);
                }

                if (use == ChipUse.Change && chip.ChangeRefusal is string why)
                {
                    throw new CommandFailedException(chip.Vendor + " " + chip.Name + " is never written or erased by serprog: " + why + ". Nothing was written or erased; read and verify work.");
                }

                foreach (string warning in probe.Warnings)
                {
                    context.Warn(warning);
                }

                string how = probe.Source != "forced" ? probe.Identity + ", " + Output.ByteUnits.Size(chip.Size) + ", found by " + probe.Source
                    : chip.JedecId + ", " + Output.ByteUnits.Size(chip.Size) + ", named with -c" + (probe.Contradiction != null ? "; the chip answers " + probe.Identity : "");
                context.Say("Chip: " + chip.Vendor + " " + chip.Name + " (" + how + ")");
                if (probe.Candidates.Count > 1)
                {
                    var names = new JsonArray();
                    foreach (ChipDefinition candidate in probe.Candidates)
                    {
                        names.Add(candidate.Name);
                    }

                    chipJson["candidates"] = names;
                    context.Say("  " + probe.Candidates.Count + " database entries share this id and read, erase and write alike: going on with what they have in common; -c NAME picks one.");
                }

                return new FlashSession(connection, new SpiNorFlash(connection.Master, chip), probe);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Write and erase never follow a part the chip contradicts; verify not one of another size (addresses wrap).</summary>
        private static void RefuseContradictedPart(ProbeResult probe, ChipUse use)
        {
            bool sizeDiffers = probe.ChipSize is long size && size != probe.Chip.Size;
            if (use == ChipUse.Read || (use == ChipUse.Compare && !sizeDiffers))
            {
                return;
            }

            string advice = probe.Recognised != null
                ? "Leave out -c: the chip is recognised as " + probe.Recognised.Name + " (" + Output.ByteUnits.Size(probe.Recognised.Size) + ")."
                : probe.Identity.Command == "RDID"
                    ? "Name the part printed on the chip; 'serprog chips " + probe.Identity + "' lists the parts with this id."
                    : "A part whose id cannot be checked is only read here (read with -c works, with a warning).";
            string consequence = use == ChipUse.Compare ? "Nothing was compared" : "Nothing was written or erased";
            throw new CommandFailedException(probe.Contradiction + " " + consequence + ": a part named with -c is changed only when the chip's id confirms it. " + advice);
        }

        /// <summary>Connects and reports the programmer, without touching the chip.</summary>
        public static ProgrammerConnection OpenProgrammer(CommandContext context)
        {
            if (context.SpiSpeedHz is uint asked && context.Programmer.SpiSpeedHz is uint inString && asked != inString)
            {
                context.Warn("--spispeed " + Programmers.SpiSpeed.Format(asked) + " replaces spispeed=" + Programmers.SpiSpeed.Format(inString) + " of -p.");
            }

            ProgrammerConnection connection = ProgrammerConnector.Connect(context.Programmer, context.SpiSpeedHz);
            foreach (string warning in connection.Warnings)
            {
                context.Warn(warning);
            }

            if (connection.Spidev is LinuxSpiMaster spidev)
            {
                context.Say("Programmer: " + spidev.Description + ", SPI clock " + Programmers.SpiSpeed.Format(spidev.ClockHz) + ", " + spidev.TransferLimit + " bytes per transfer (spidev bufsiz)");
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
            string clock = client.SpiFrequency is uint hz ? ", SPI clock " + Programmers.SpiSpeed.Format(hz) : "";
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

        /// <summary>Probes with the user's -c if any; a programmer whose wiring a blank id points at adds its own advice.</summary>
        private static ProbeResult ProbeChip(ProgrammerConnection connection, string? forcedName)
        {
            try
            {
                return ChipProber.Probe(connection.Master, ChipDatabase.Default, forcedName);
            }
            catch (NoChipAnswerException silent) when (connection.BlankIdAdvice is string advice)
            {
                throw new SpiNorException("probe", null, silent.Message + " " + advice, silent);
            }
        }
    }
}
