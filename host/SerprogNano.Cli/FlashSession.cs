using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using SerprogNano.Chips;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;
using SerprogNano.Programmers;

namespace SerprogNano.Cli
{
    /// <summary>
    /// An opened programmer with the chip on its bus identified: what every flash command starts from. The
    /// <see cref="ProgrammerSession"/> does the work; this reports it in the CLI's words and refuses what the
    /// CLI's options make unsafe.
    /// </summary>
    public sealed class FlashSession : IDisposable
    {
        private FlashSession(ProgrammerSession programmer, SpiNorFlash flash, ProbeResult probe)
        {
            Programmer = programmer;
            Flash = flash;
            Probe = probe;
        }

        public ProgrammerSession Programmer { get; }

        /// <summary>The serprog client, for commands that measure serprog itself; a programmer without one is refused.</summary>
        public SerprogClient Client => Programmer.Client ?? throw new CommandFailedException("this command needs a serprog programmer, not " + Programmer.Master.Description + ".");

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
                throw new UsageException(RemedyWords.Message(new UnknownChipException(context.ChipName, ChipDatabase.Default)));
            }

            ProgrammerSession programmer = OpenProgrammer(context);
            try
            {
                ProbeResult probe = programmer.Probe(context.ChipName);
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

                return new FlashSession(programmer, programmer.Flash(chip), probe);
            }
            catch
            {
                programmer.Dispose();
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
        private static ProgrammerSession OpenProgrammer(CommandContext context)
        {
            if (context.SpiSpeedHz is uint asked && context.Programmer.SpiSpeedHz is uint inString && asked != inString)
            {
                context.Warn("--spispeed " + Programmers.SpiSpeed.Format(asked) + " replaces spispeed=" + Programmers.SpiSpeed.Format(inString) + " of -p.");
            }

            ProgrammerSession programmer = ProgrammerSession.Open(context.Programmer, context.SpiSpeedHz, baudRate: context.BaudRate);
            if (context.BaudRate is int baud && programmer.Client == null)
            {
                context.Warn("--baud " + baud + " was not used: " + context.Programmer.Text + " has no serial line.");
            }

            foreach (string warning in programmer.Warnings)
            {
                context.Warn(warning);
            }

            ProgrammerDescription description = programmer.Describe();
            context.Say("Programmer: " + description.Headline);
            foreach (string detail in description.Details)
            {
                context.Detail(detail);
            }

            var fields = new JsonObject { ["spec"] = context.Programmer.Text };
            Merge(fields, description.Fields);
            context.Result["programmer"] = fields;
            return programmer;
        }

        /// <summary>Copies <paramref name="from"/>'s fields into <paramref name="into"/>, after what it has.</summary>
        public static void Merge(JsonObject into, JsonObject from)
        {
            foreach (KeyValuePair<string, JsonNode?> field in from)
            {
                into[field.Key] = field.Value?.DeepClone();
            }
        }

        public void Dispose() => Programmer.Dispose();
    }
}
