using System.CommandLine;
using System.IO;
using SerprogNano.Host.Operations;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog verify FILE`: read the chip and compare it with FILE, naming the first difference.</summary>
    public static class VerifyCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var file = new Argument<FileInfo>("FILE") { Description = "Image the chip should hold" };
            var command = new Command("verify", "Compare the chip with FILE") { file };
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context => Run(context, context.Parse.GetRequiredValue(file)));
            return command;
        }

        private static int Run(CommandContext context, FileInfo file)
        {
            context.Result["file"] = file.FullName;
            byte[] image = ImageFile.Load(file);
            using FlashSession session = FlashSession.Open(context, ChipUse.Compare);
            ImageFile.RequireChipSize(file, image, session.Chip, "nothing to compare.");
            try
            {
                context.Progress.Run(progress => FlashVerifier.Verify(session.Flash, 0, image, progress));
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
            context.Say("VERIFIED: the chip holds " + file.Name + " (" + image.Length + " bytes compared).");
            return ExitCodes.Ok;
        }
    }
}
