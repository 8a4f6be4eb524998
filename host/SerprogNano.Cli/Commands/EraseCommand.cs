using System;
using System.CommandLine;
using SerprogNano.Cli.Output;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog erase`: erase the whole chip and check it reads back blank.</summary>
    public static class EraseCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var command = new Command("erase", "Erase the whole chip (all bytes 0xFF) and check it reads back blank") { common.Unprotect };
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context => Run(context, context.Parse.GetValue(common.Unprotect)));
            return command;
        }

        private static int Run(CommandContext context, bool unprotect)
        {
            using FlashSession session = FlashSession.Open(context);
            SpiNorFlash flash = session.Flash;
            if (ProtectionReport.Report(context, flash, unprotect) != 0)
            {
                if (!unprotect)
                {
                    throw new CommandFailedException("Nothing was erased: the chip is block-protected. Add --unprotect to clear the protection first.");
                }

                flash.ClearProtection();
            }

            long size = flash.Size;
            var contents = new byte[size];
            context.Progress.Run(progress =>
            {
                flash.Erase(0, size, new PhaseReporter(progress, "erase", size));
                flash.Read(0, contents, new PhaseReporter(progress, "blank check", size));
                return size;
            });
            int notBlank = contents.AsSpan().IndexOfAnyExcept((byte)0xFF);
            if (notBlank >= 0)
            {
                context.Result["erased"] = false;
                context.Result["firstNonBlank"] = notBlank;
                throw new CommandFailedException("The chip is not blank after the erase: 0x" + contents[notBlank].ToString("X2") + " at " + SpiNorCommands.Hex(notBlank) + ". Erase again; if it persists check the wiring and lower --spispeed.");
            }

            context.Result["erased"] = true;
            context.Say("Erased " + ByteUnits.Size(size) + " and checked: every byte reads 0xFF.");
            return ExitCodes.Ok;
        }
    }
}
