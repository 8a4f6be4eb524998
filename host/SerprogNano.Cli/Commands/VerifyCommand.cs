using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog verify FILE`: read the chip and compare it with FILE, naming the first difference.</summary>
    public static class VerifyCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var file = new Argument<FileInfo>("FILE") { Description = "Image the chip should hold" };
            var regions = new RegionOptions();
            var command = new Command("verify", "Compare the chip (or the regions chosen with -i) with FILE") { file };
            common.AddTo(command);
            regions.AddTo(command);
            CommandRunner.SetAction(command, common, console, context => Run(context, context.Parse.GetRequiredValue(file), regions.Parse(context.Parse)));
            return command;
        }

        private static int Run(CommandContext context, FileInfo file, RegionRequest? request)
        {
            context.Result["file"] = file.FullName;
            byte[] image = ImageFile.Load(file);
            using FlashSession session = FlashSession.Open(context, ChipUse.Compare);
            ImageFile.RequireChipSize(file, image, session.Chip, "nothing to compare.");
            IReadOnlyList<IncludedRegion>? included = request?.Resolve(context, session, image: null);
            long compared = 0;
            context.Interruption.AtOnce = () => "The chip was only read: nothing on it changed. To compare it, run the same verify again: " + TypedCommand.Of(context.Parse);
            context.Detail(DeviceSideFlash.For(session.Flash) != null
                ? "Path: SerprogNano extensions: compared by CRC-32 computed on the programmer (whole erase blocks; other ranges are read)."
                : "Path: plain SPI transactions: the chip is read over the link.");
            try
            {
                if (included == null)
                {
                    compared = context.Progress.Run(progress => FlashVerifier.Verify(session.Flash, 0, image, progress));
                }

                foreach (IncludedRegion region in included ?? [])
                {
                    byte[] expected = region.File != null ? region.LoadFile() : image.AsSpan(region.Offset, region.Length).ToArray();
                    compared += context.Progress.Run(progress => FlashVerifier.Verify(session.Flash, region.Region.Start, expected, progress));
                }
            }
            catch (VerifyFailedException e)
            {
                context.Result["verified"] = false;
                context.Result["firstDifference"] = e.Address;
                context.Result["differingBytes"] = e.MismatchedBytes;
                throw new CommandFailedException(
                    "The chip differs from " + file.Name + ": " + e.MismatchedBytes + " byte(s), the first at 0x" + e.Address!.Value.ToString("X6")
                    + " (file 0x" + e.Expected.ToString("X2") + ", chip 0x" + e.Actual.ToString("X2") + ").");
            }

            context.Result["verified"] = true;
            context.Say(included == null
                ? "VERIFIED: the chip holds " + file.Name + " (" + compared + " bytes compared)."
                : "VERIFIED: " + string.Join(", ", included.Select(region => region.Region.Name)) + " on the chip match" + (included.Count == 1 ? "es " : " ") + file.Name + " (" + compared + " bytes compared; the rest was not).");
            return ExitCodes.Ok;
        }
    }
}
