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

        public static Command Create(CommonOptions common, CliConsole console)
        {
            var size = new Option<long>("--size")
            {
                Description = "Bytes to read and write, with K or M suffix (binary); capped at the chip's size",
                DefaultValueFactory = _ => 1 << 20,
                CustomParser = ParseSize,
            };
            var roundTrips = new Option<int>("--round-trips")
            {
                Description = "Single commands sent one at a time to measure latency",
                DefaultValueFactory = _ => 200,
            };
            roundTrips.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError("--round-trips must be 1 or more.");
                }
            });
            var destructive = new Option<bool>("--destructive")
            {
                Description = "Also measure writing on real hardware: OVERWRITES the start of the chip (the emulator needs no flag)",
            };
            var command = new Command("bench", "Measure latency, read and write throughput of the programmer") { size, roundTrips, destructive, common.Unprotect };
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
                Run(context, context.Parse.GetValue(size), context.Parse.GetValue(roundTrips), context.Parse.GetValue(destructive), context.Parse.GetValue(common.Unprotect)));
            return command;
        }

        private static int Run(CommandContext context, long requestedSize, int roundTrips, bool destructive, bool unprotect)
        {
            using FlashSession session = FlashSession.Open(context, destructive ? ChipUse.Change : ChipUse.Read);
            double? limit = session.Connection.Link?.BytesPerSecond;
            context.Say("Link limit: " + (limit is double l ? l.ToString("N0", CultureInfo.InvariantCulture) + " B/s (baud/10)" : "unknown"));
            context.Result["linkLimitBytesPerSecond"] = limit;

            MeasureLatency(context, session.Client, roundTrips);
            long size = Math.Min(requestedSize, session.Chip.Size);
            MeasureRead(context, session, size, limit);
            if (session.Connection.IsEmulator || destructive)
            {
                MeasureWrite(context, session, size, limit, unprotect);
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

        private static void MeasureRead(CommandContext context, FlashSession session, long size, double? limit)
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
        }

        /// <summary>
        /// The write figures of issue 13: a write keeping a backup (the old contents, checked), the image
        /// already there, verify, and a write without a backup; each over other random contents on the
        /// emulator, so every block is erased and every page programmed. The program phase's share of the
        /// link is what the write path makes of it.
        /// </summary>
        private static void MeasureWrite(CommandContext context, FlashSession session, long size, double? limit, bool unprotect)
        {
            var image = new byte[size];
            new Random(PatternSeed).NextBytes(image);
            byte[]? old = OtherContents(session);
            if (old != null)
            {
                context.Say("Write: the emulated chip starts with other random contents, so the write erases and programs all " + ByteUnits.Size(size) + ".");
            }

            ReadOnlyMemory<byte> backup = default;
            JsonObject withBackup = TimedWrite(context, session, "Write (with backup)", image, limit, new WriteOptions { ClearProtection = unprotect, BeforeChange = contents => backup = contents.ToArray() });
            if (old != null && !backup.Span.SequenceEqual(old.AsSpan(0, (int)size)))
            {
                throw new CommandFailedException("The backup the write read differs from the chip's old contents.");
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
            if (OtherContents(session) != null)
            {
                context.Result["writeNoBackup"] = TimedWrite(context, session, "Write --no-backup", image, limit, new WriteOptions { ClearProtection = unprotect });
            }
        }

        /// <summary>Puts other random contents on an emulated chip, like a board's old firmware; null on real hardware.</summary>
        private static byte[]? OtherContents(FlashSession session)
        {
            if (session.Connection.EmulatedChip is not { } chip)
            {
                return null;
            }

            byte[] old = new byte[chip.Model.Size];
            new Random(PatternSeed + 1).NextBytes(old);
            chip.Load(old);
            return old;
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
            var program = new Throughput(written.BytesProgrammed, phases.Duration("program"), limit, default);
            context.Say(what + ": " + total.Describe());
            context.Say("  program phase: " + ByteUnits.Size(written.BytesProgrammed) + " in " + ByteUnits.Duration(program.Time)
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
