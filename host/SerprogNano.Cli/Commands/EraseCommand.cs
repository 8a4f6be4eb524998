using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Host.Operations;
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
            using FlashSession session = FlashSession.Open(context, ChipUse.Change);
            SpiNorFlash flash = session.Flash;
            if (ProtectionReport.Report(context, flash, unprotect) != 0)
            {
                if (!unprotect)
                {
                    throw new CommandFailedException("Nothing was erased: the chip is block-protected. Add --unprotect to clear the protection first.");
                }

                flash.ClearProtection();
            }

            IReadOnlyDictionary<int, int> erases;
            try
            {
                erases = context.Progress.Run(progress => FlashEraser.Erase(flash, 0, flash.Size, progress));
            }
            catch (CommandInterruptedException e)
            {
                context.Result["erased"] = false;
                throw new CommandFailedException(e.Message + " The chip may be partly erased: run the same erase again to finish it, or write the image it should hold with serprog write.");
            }
            catch (VerifyFailedException e)
            {
                context.Result["erased"] = false;
                context.Result["firstNonBlank"] = e.Address;
                throw new CommandFailedException(
                    "The chip is not blank after the erase: 0x" + e.Actual.ToString("X2") + " at " + SpiNorCommands.Hex(e.Address!.Value) + " (" + e.MismatchedBytes
                    + " bytes not 0xFF). Erase again; if it persists check the wiring and lower --spispeed.");
            }

            var tally = new JsonObject();
            foreach (var (size, count) in erases)
            {
                tally[size.ToString(CultureInfo.InvariantCulture)] = count;
            }

            context.Result["erased"] = true;
            context.Result["erasesBySize"] = tally;
            context.Say("Erased " + ByteUnits.Size(flash.Size) + " and checked: every byte reads 0xFF.");
            return ExitCodes.Ok;
        }
    }
}
