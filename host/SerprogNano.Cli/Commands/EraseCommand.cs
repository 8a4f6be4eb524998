using System;
using System.Collections.Generic;
using System.Linq;
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
            var regions = new RegionOptions();
            var command = new Command("erase", "Erase the whole chip, or the regions chosen with -i (all bytes 0xFF), and check it reads back blank") { common.Unprotect };
            common.AddTo(command);
            regions.AddTo(command);
            CommandRunner.SetAction(command, common, console, context => Run(context, context.Parse.GetValue(common.Unprotect), regions.Parse(context.Parse)));
            return command;
        }

        private static int Run(CommandContext context, bool unprotect, RegionRequest? request)
        {
            using FlashSession session = FlashSession.Open(context, ChipUse.Change);
            SpiNorFlash flash = session.Flash;
            IReadOnlyList<IncludedRegion>? included = request?.Resolve(context, session, image: null);
            ProtectionReport.Report(context, flash, unprotect);
            ProtectionGuard.Ensure(flash, included?.Select(region => (region.Region.Start, region.Region.Size)) ?? [(0L, flash.Size)], unprotect, "erase");

            IReadOnlyDictionary<int, int> erases;
            long compared = 0;
            try
            {
                if (included == null)
                {
                    erases = context.Progress.Run(progress => FlashEraser.Erase(flash, 0, flash.Size, progress));
                }
                else
                {
                    WriteResult result = context.Progress.Run(progress => FlashEraser.EraseRegions(flash, included.Select(region => region.Region).ToList(), progress));
                    erases = result.ErasesBySize;
                    compared = result.BytesVerified;
                }
            }
            catch (CommandInterruptedException e)
            {
                context.Result["erased"] = false;
                throw new CommandFailedException(e.Message + " The chip may be partly erased: run the same erase again to finish it, or write the image it should hold with serprog write.");
            }
            catch (VerifyFailedException e) when (included != null)
            {
                // With regions the comparison covers the whole chip: the message says which blocks outside them changed.
                context.Result["erased"] = false;
                throw new CommandFailedException("The erase of " + string.Join(", ", included.Select(region => region.Region.Name)) + " did not verify. " + e.Message);
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
            context.Say(included == null
                ? "Erased " + ByteUnits.Size(flash.Size) + " and checked: every byte reads 0xFF."
                : "Erased " + string.Join(", ", included.Select(region => region.Region.ToString())) + " and checked: every byte there reads 0xFF; the rest of the chip is as it was (all "
                    + compared + " bytes compared with the chip before the erase).");
            return ExitCodes.Ok;
        }
    }
}
