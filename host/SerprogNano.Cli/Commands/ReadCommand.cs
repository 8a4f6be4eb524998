using System;
using System.CommandLine;
using System.IO;
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
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var file = new Argument<FileInfo>("FILE") { Description = "Where to save the dump" };
            var passes = new Option<int>("--passes")
            {
                Description = "Read the chip this many times and require identical reads (2 is what the guide asks for)",
                DefaultValueFactory = _ => 1,
            };
            passes.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError("--passes must be 1 or more.");
                }
            });
            var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
            var command = new Command("read", "Read (dump) the whole chip into FILE") { file, passes, force };
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
                Run(context, context.Parse.GetRequiredValue(file), context.Parse.GetValue(passes), context.Parse.GetValue(force)));
            return command;
        }

        private static int Run(CommandContext context, FileInfo file, int passes, bool force)
        {
            context.Result["file"] = file.FullName;
            string target = AtomicFile.CheckTarget(
                file.FullName, "the dump", force ? null : file.FullName + " exists; not replacing it. Choose another name or add --force.", "nothing was read.");
            using FlashSession session = FlashSession.Open(context);
            int size = checked((int)session.Chip.Size);
            MultiPassReadResult read;
            try
            {
                read = context.Progress.Run(progress => MultiPassReader.Read(session.Flash, 0, size, passes, progress));
            }
            catch (CommandInterruptedException e)
            {
                throw new CommandFailedException(e.Message + " Nothing was saved" + (File.Exists(file.FullName) ? ": " + file.FullName + " is as it was." : " (no " + file.FullName + " was created)."));
            }

            var hashes = new JsonArray();
            for (int i = 0; i < read.PassHashes.Count; i++)
            {
                context.Say("pass " + (i + 1) + ": xxh64 " + read.PassHashes[i]);
                hashes.Add(read.PassHashes[i]);
            }

            context.Result["passHashes"] = hashes;
            if (!read.Consistent)
            {
                context.Result["firstMismatch"] = read.FirstMismatch;
                throw new CommandFailedException(
                    "The " + passes + " reads differ (first at " + SpiNorCommands.Hex(read.FirstMismatch!.Value) + "): the wiring is likely bad. "
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
    }
}
