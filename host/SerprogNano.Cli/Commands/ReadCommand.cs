using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog read FILE`: dump the chip, optionally several times and compared, into a new file.</summary>
    public static class ReadCommand
    {
        /// <summary>More passes than this find nothing two or three do not, and take hours on a large chip.</summary>
        private const int MaxPasses = 100;

        public static Command Create(CommonOptions common, CliConsole console)
        {
            var file = new Argument<FileInfo>("FILE") { Description = "Where to save the dump (chip-sized; with -i the bytes outside the regions are 0xFF)" };
            var regions = new RegionOptions();
            Option<long> passes = WholeNumberOption.Create(
                "--passes",
                "Read the chip this many times and require identical reads (2 is what the guide asks for). A SerprogNano programmer skips erased blocks (it sends a CRC-32 of every 2 KiB first) and makes the passes after the first itself: it reads the chip again and sends a CRC-32 of every 2 KiB",
                1,
                MaxPasses,
                1);
            var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
            var command = new Command("read", "Read (dump) the whole chip, or the regions chosen with -i, into FILE") { file, passes, force };
            common.AddTo(command);
            regions.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
            {
                RegionRequest? request = regions.Parse(context.Parse);
                FileInfo target = context.Parse.GetRequiredValue(file);
                return request == null
                    ? Run(context, target, (int)context.Parse.GetValue(passes), context.Parse.GetValue(force))
                    : RunRegions(context, target, request, (int)context.Parse.GetValue(passes), context.Parse.GetValue(force));
            });
            return command;
        }

        private static int Run(CommandContext context, FileInfo file, int passes, bool force)
        {
            context.Result["file"] = file.FullName;
            string target = AtomicFile.CheckTarget(
                file.FullName, "the dump", force ? null : file.FullName + " exists; not replacing it. Choose another name or add --force.", "nothing was read.");
            using FlashSession session = FlashSession.Open(context);
            int size = checked((int)session.Chip.Size);
            string nothingSaved = "Nothing was saved" + (File.Exists(file.FullName) ? ": " + file.FullName + " is as it was." : " (no " + file.FullName + " was created).");
            context.Interruption.AtOnce = () => nothingSaved + " The chip was only read.";
            MultiPassReadResult read;
            try
            {
                read = context.Progress.Run(progress => MultiPassReader.Read(session.Flash, 0, size, passes, progress));
            }
            catch (CommandInterruptedException e)
            {
                throw new CommandFailedException(e.Message + " " + nothingSaved);
            }

            var hashes = new JsonArray();
            for (int i = 0; i < read.PassHashes.Count; i++)
            {
                context.Say("pass " + (i + 1) + ": xxh64 " + read.PassHashes[i]);
                hashes.Add(read.PassHashes[i]);
            }

            context.Result["passHashes"] = hashes;
            context.Result["deviceCrcPasses"] = read.DeviceCrcPasses;
            context.Result["erasedBytesNotCarried"] = read.ErasedBytesNotCarried;
            if (read.ErasedBytesNotCarried > 0)
            {
                context.Say("pass 1: " + read.ErasedBytesNotCarried / 1024 + " KiB of " + size / 1024 + " KiB erased (pieces whose CRC-32, computed on the programmer, is that of 0xFF bytes), not carried over the link.");
            }

            if (read.DeviceCrcPasses > 0)
            {
                context.Say("pass" + (read.DeviceCrcPasses > 1 ? "es 2-" + passes : " 2") + ": the programmer read the chip again and sent a CRC-32 of each "
                    + read.CrcWindowSize + " bytes, offset by half from pass 1's (SerprogNano extensions), compared with pass 1's.");
            }

            if (!read.Consistent)
            {
                context.Result["firstMismatch"] = read.FirstMismatch;
                throw new CommandFailedException(
                    "The " + passes + " reads differ (first " + (read.DeviceCrcPasses > 0 ? "in the " + read.CrcWindowSize + " bytes from " : "at ")
                    + SpiNorCommands.Hex(read.FirstMismatch!.Value) + "): the wiring is likely bad. "
                    + "Check the clip's seating, keep wires short (under 10 cm) and of equal length, and read again with a lower --spispeed (e.g. 4M). "
                    + "Nothing was saved.");
            }

            AtomicFile.Write(file.FullName, read.Data, overwrite: force);
            string sha1 = Convert.ToHexStringLower(SHA1.HashData(read.Data));
            context.Result["bytes"] = read.Data.Length;
            context.Result["sha1"] = sha1;
            string via = target == file.FullName ? "" : " (a symbolic link: saved into its target " + target + ")";
            context.Say("Saved " + read.Data.Length + " bytes to " + file.FullName + via + " (sha1 " + sha1 + ")" + (passes > 1 ? ": all " + passes + " reads identical." : "."));
            return ExitCodes.Ok;
        }

        /// <summary>
        /// read -i: each region read (with --passes, compared), then a chip-sized FILE with 0xFF outside the regions
        /// (flashrom 1.3 leaves 0x00 there) and, as flashrom does, each NAME:FILE holding its region alone as well.
        /// </summary>
        private static int RunRegions(CommandContext context, FileInfo file, RegionRequest request, int passes, bool force)
        {
            var targets = new List<string> { file.FullName };
            targets.AddRange(request.Includes.Where(include => include.File != null).Select(include => Path.GetFullPath(include.File!)));
            foreach (string path in targets)
            {
                AtomicFile.CheckTarget(path, "the dump", force ? null : path + " exists; not replacing it. Choose another name or add --force.", "nothing was read.");
            }

            if (targets.Distinct().Count() != targets.Count)
            {
                throw new UsageException("Two outputs have the same file name; give each region and the dump their own file.");
            }

            using FlashSession session = FlashSession.Open(context);
            IReadOnlyList<IncludedRegion> included = request.Resolve(context, session, image: null);
            context.Interruption.AtOnce = () => "Nothing was saved. The chip was only read.";
            if (force)
            {
                RefuseReplacingOtherFiles(included);
            }

            var chip = new byte[session.Chip.Size];
            chip.AsSpan().Fill(0xFF);
            var hashes = new JsonObject();
            foreach (IncludedRegion region in included)
            {
                MultiPassReadResult read;
                try
                {
                    read = context.Progress.Run(progress => MultiPassReader.Read(session.Flash, region.Region.Start, region.Length, passes, progress));
                }
                catch (CommandInterruptedException e)
                {
                    throw new CommandFailedException(e.Message + " Nothing was saved.");
                }

                hashes[region.Region.Name] = new JsonArray(read.PassHashes.Select(hash => (JsonNode)JsonValue.Create(hash)!).ToArray());
                if (!read.Consistent)
                {
                    context.Result["firstMismatch"] = read.FirstMismatch;
                    throw new CommandFailedException(
                        "The " + passes + " reads of region '" + region.Region.Name + "' differ (first at " + SpiNorCommands.Hex(read.FirstMismatch!.Value) + "): the wiring is likely bad. "
                        + "Check the clip's seating and read again with a lower --spispeed (e.g. 4M). Nothing was saved.");
                }

                read.Data.CopyTo(chip, region.Offset);
            }

            context.Result["passHashes"] = hashes;
            foreach (IncludedRegion region in included.Where(region => region.File != null))
            {
                AtomicFile.Write(Path.GetFullPath(region.File!), chip.AsSpan(region.Offset, region.Length), overwrite: force);
                context.Say("Saved region '" + region.Region.Name + "' " + region.Region.Range + " (" + region.Length + " bytes) to " + Path.GetFullPath(region.File!) + ".");
            }

            AtomicFile.Write(file.FullName, chip, overwrite: force);
            string sha1 = Convert.ToHexStringLower(SHA1.HashData(chip));
            context.Result["file"] = file.FullName;
            context.Result["bytes"] = chip.Length;
            context.Result["sha1"] = sha1;
            context.Say("Saved " + chip.Length + " bytes to " + file.FullName + " (sha1 " + sha1 + "): the regions as read, 0xFF elsewhere" + (passes > 1 ? "; all " + passes + " reads identical." : "."));

            return ExitCodes.Ok;
        }

        /// <summary>
        /// --force replaces a region's own file only when it holds that region's number of bytes (an earlier read of
        /// it): any other file there, such as the whole image, is something the user would lose, not a stale dump.
        /// </summary>
        private static void RefuseReplacingOtherFiles(IReadOnlyList<IncludedRegion> included)
        {
            foreach (IncludedRegion region in included.Where(region => region.File != null))
            {
                var existing = new FileInfo(Path.GetFullPath(region.File!));
                if (existing.Exists && existing.Length != region.Length)
                {
                    throw new CommandFailedException(
                        existing.FullName + " exists and holds " + existing.Length + " bytes, not the " + region.Length + " bytes of region '" + region.Region.Name
                        + "': --force replaces a region's file only when it is an earlier read of that region. Nothing was read or saved. "
                        + "Move that file away or give the region another file name.");
                }
            }
        }
    }
}
