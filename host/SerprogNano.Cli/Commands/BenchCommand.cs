using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Bench;
using SerprogNano.Cli.Output;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
using SerprogNano.Protocol;

namespace SerprogNano.Cli.Commands
{
    /// <summary>
    /// `serprog bench`: round-trip latency, read throughput and write throughput of a programmer, next
    /// to the link's limit when known (the emulator's link model). Writing is only done on the emulator
    /// or with --destructive, since it overwrites the chip.
    /// </summary>
    public static class BenchCommand
    {
        /// <summary>Fixed so two runs write the same bytes.</summary>
        private const int PatternSeed = 3;

        /// <summary>A million round trips take minutes even on loopback; more only wait longer for the same figure.</summary>
        private const int MaxRoundTrips = 1_000_000;

        public static Command Create(CommonOptions common, CliConsole console)
        {
            var size = new Option<long>("--size")
            {
                Description = "Bytes to read and write, with K or M suffix (binary); capped at the chip's size",
                DefaultValueFactory = _ => 1 << 20,
                CustomParser = ParseSize,
            };
            Option<long> roundTrips = WholeNumberOption.Create("--round-trips", "Single commands sent one at a time to measure latency", 1, MaxRoundTrips, 200);
            var destructive = new Option<bool>("--destructive")
            {
                Description = "Also measure writing on real hardware: OVERWRITES the start of the chip (the emulator needs no flag)",
            };
            var command = new Command("bench", "Measure latency, read and write throughput of the programmer") { size, roundTrips, destructive, common.Unprotect };
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
                Run(context, context.Parse.GetValue(size), (int)context.Parse.GetValue(roundTrips), context.Parse.GetValue(destructive), context.Parse.GetValue(common.Unprotect)));
            return command;
        }

        private static int Run(CommandContext context, long requestedSize, int roundTrips, bool destructive, bool unprotect)
        {
            using FlashSession session = FlashSession.Open(context, destructive ? ChipUse.Change : ChipUse.Read);
            double? limit = session.Programmer.LinkBytesPerSecond;
            context.Say("Link limit: " + (limit is double l ? l.ToString("N0", CultureInfo.InvariantCulture) + " B/s (baud/10)" : "unknown"));
            context.Result["linkLimitBytesPerSecond"] = limit;

            MeasureLatency(context, session.Client, roundTrips);
            long size = Math.Min(requestedSize, session.Chip.Size);
            byte[] contents = MeasureRead(context, session, size, limit);
            if (session.Programmer.ScratchChip || destructive)
            {
                MeasureWrite(context, session, contents, limit, unprotect);
            }
            else
            {
                context.Say("Write: skipped, it would overwrite the chip. Add --destructive to measure it (take a backup first).");
                context.Result["write"] = null;
            }

            return ExitCodes.Ok;
        }

        private static void MeasureLatency(CommandContext context, SerprogClient client, int count)
        {
            bool nop = client.Supports(SerprogOpcode.Nop);
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < count; i++)
            {
                if (nop)
                {
                    client.Nop();
                }
                else
                {
                    client.QueryInterface();
                }
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            double microseconds = elapsed.TotalMilliseconds * 1000 / count;
            string command = nop ? "NOP" : "Q_IFACE";
            context.Say("Round trip: " + microseconds.ToString("0", CultureInfo.InvariantCulture) + " us (mean of " + count + " " + command + ")");
            context.Result["roundTrip"] = new JsonObject { ["command"] = command, ["count"] = count, ["meanMicroseconds"] = microseconds };
        }

        /// <summary>Reads the first <paramref name="size"/> bytes, timed; returns them.</summary>
        private static byte[] MeasureRead(CommandContext context, FlashSession session, long size, double? limit)
        {
            var buffer = new byte[size];
            LinkCounts before = LinkCounts.Of(session.Client);
            long start = Stopwatch.GetTimestamp();
            context.Progress.Run(progress =>
            {
                session.Flash.Read(0, buffer, new PhaseReporter(progress, "read", size));
                return size;
            });
            var read = new Throughput(size, Stopwatch.GetElapsedTime(start), limit, LinkCounts.Of(session.Client).Since(before));
            context.Say("Read: " + read.Describe());
            context.Result["read"] = read.ToJson();
            return buffer;
        }

        /// <summary>
        /// The write figures of issue 13: a write keeping a backup (checked against the old contents), the
        /// image already there, verify, and a write without a backup; each over other random contents, so
        /// every block is erased and every page programmed. The program phase's share of the link is what
        /// the write path makes of it.
        /// </summary>
        /// <param name="contents">What the measured range holds now.</param>
        private static void MeasureWrite(CommandContext context, FlashSession session, byte[] contents, double? limit, bool unprotect)
        {
            long size = contents.Length;
            var image = new byte[size];
            new Random(PatternSeed).NextBytes(image);
            byte[] old = contents;
            if (Array.TrueForAll(contents, value => value == 0xFF))
            {
                // Like a board's old firmware: every block must be erased and every page programmed,
                // not just programmed into a blank chip.
                old = new byte[size];
                new Random(PatternSeed + 1).NextBytes(old);
                Prepare(context, session, old, unprotect);
                context.Say("Write: the range was blank, so it first gets other random contents (untimed) and the write erases and programs all " + ByteUnits.Size(size) + ".");
            }

            ReadOnlyMemory<byte> backup = default;
            JsonObject withBackup = TimedWrite(context, session, "Write (with backup)", image, limit, new WriteOptions { ClearProtection = unprotect, StatusRegistersChanged = context.Say, BeforeChange = read => backup = read.ToArray() });
            if (!backup.Span.SequenceEqual(old))
            {
                throw new CommandFailedException("The backup the write read differs from the old contents.");
            }

            LinkCounts before = LinkCounts.Of(session.Client);
            long start = Stopwatch.GetTimestamp();
            WriteResult again = context.Progress.Run(progress => FlashWriter.Write(session.Flash, 0, image, new WriteOptions { Progress = progress }));
            var unchanged = new Throughput(size, Stopwatch.GetElapsedTime(start), limit, LinkCounts.Of(session.Client).Since(before));
            if (!again.Unchanged)
            {
                throw new CommandFailedException("Writing the same image a second time changed the chip: the first write did not stick.");
            }

            context.Say("Write of the image already on the chip: " + unchanged.Describe());
            before = LinkCounts.Of(session.Client);
            start = Stopwatch.GetTimestamp();
            context.Progress.Run(progress => FlashVerifier.Verify(session.Flash, 0, image, progress));
            var verify = new Throughput(size, Stopwatch.GetElapsedTime(start), limit, LinkCounts.Of(session.Client).Since(before));
            context.Say("Verify: " + verify.Describe());
            context.Result["write"] = withBackup;
            context.Result["unchangedWrite"] = unchanged.ToJson();
            context.Result["verify"] = verify.ToJson();

            Prepare(context, session, old, unprotect);
            context.Result["writeNoBackup"] = TimedWrite(context, session, "Write --no-backup", image, limit, new WriteOptions { ClearProtection = unprotect });
        }

        /// <summary>Puts <paramref name="old"/> on the chip through the programmer, untimed.</summary>
        private static void Prepare(CommandContext context, FlashSession session, byte[] old, bool unprotect)
        {
            context.Progress.Run(progress => FlashWriter.Write(session.Flash, 0, old, new WriteOptions { Progress = progress, ClearProtection = unprotect }));
        }

        private static JsonObject TimedWrite(CommandContext context, FlashSession session, string what, byte[] image, double? limit, WriteOptions options)
        {
            LinkCounts before = LinkCounts.Of(session.Client);
            long start = Stopwatch.GetTimestamp();
            (PhaseTimer phases, WriteResult written) = context.Progress.Run(progress =>
            {
                var timer = new PhaseTimer(progress);
                options.Progress = timer;
                return (timer, FlashWriter.Write(session.Flash, 0, image, options));
            });
            var total = new Throughput(image.Length, Stopwatch.GetElapsedTime(start), limit, LinkCounts.Of(session.Client).Since(before));
            // Through a device-side programmer the erases run among the page programs: their phase holds both.
            string programPhase = phases.Total(WritePhase.EraseAndProgram) > 0 ? WritePhase.EraseAndProgram : "program";
            var program = new Throughput(written.BytesProgrammed, phases.Duration(programPhase), limit, default);
            context.Say(what + ": " + total.Describe());
            context.Say("  " + programPhase + " phase: " + ByteUnits.Size(written.BytesProgrammed) + " in " + ByteUnits.Duration(program.Time)
                + (program.FractionOfLimit is double share ? ", " + (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "% of the link" : "")
                + "; pages programmed " + written.ProgramsDone + ", again after the chip was found busy " + written.ProgramsRetried);
            var phaseJson = new JsonObject();
            foreach (string phase in phases.Phases)
            {
                phaseJson[phase] = phases.Duration(phase).TotalSeconds;
                context.Detail("  " + phase + ": " + ByteUnits.Duration(phases.Duration(phase)));
            }

            JsonObject json = total.ToJson();
            json["phases"] = phaseJson;
            json["programPhase"] = program.ToJson();
            json["pagesProgrammed"] = written.ProgramsDone;
            json["pagesRetried"] = written.ProgramsRetried;
            return json;
        }

        private static long ParseSize(ArgumentResult result)
        {
            if (result.Tokens.Count == 0)
            {
                return 1 << 20;
            }

            string text = result.Tokens[0].Value;
            if (!ByteUnits.TryParseSize(text, out long bytes))
            {
                result.AddError("--size " + text + " is not a size: give bytes, or K/M (e.g. 512K, 8M).");
            }

            return bytes;
        }
    }
}
