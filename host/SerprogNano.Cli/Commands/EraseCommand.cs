using System;
using System.Collections.Generic;
using System.Linq;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
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
            ProtectionGuard.Ensure(flash, included?.Select(region => (region.Region.Start, region.Region.Size)) ?? [(0L, flash.Size)], unprotect, "erase", context.Say);

            var changes = ChipChanges.Of(flash);
            TypedCommand again = TypedCommand.Of(context.Parse);
            context.Interruption.AtOnce = () => Stopped(changes, again, settled: false);
            IReadOnlyDictionary<int, int> erases;
            long compared = 0;
            try
            {
                erases = context.Progress.Run(progress =>
                {
                    IProgress<OperationProgress> watched = changes.Watch(progress);
                    if (included != null)
                    {
                        WriteResult result = FlashEraser.EraseRegions(flash, included.Select(region => region.Region).ToList(), watched, changes.Planned);
                        compared = result.BytesVerified;
                        return result.ErasesBySize;
                    }

                    // The same blocks, in the same order, as the erase below chooses.
                    changes.Planned(EraseBlockSelector.Cover(flash.Addressing.EraseBlocks, 0, flash.Size), []);
                    return FlashEraser.Erase(flash, 0, flash.Size, watched);
                });
            }
            catch (CommandInterruptedException e)
            {
                context.Result["erased"] = false;
                context.Result["chipState"] = changes.Json(settled: true);
                throw new CommandFailedException(e.Message + " " + Stopped(changes, again, settled: true));
            }
            catch (VerifyFailedException e) when (included != null)
            {
                // With regions the comparison covers the whole chip: the message says which blocks outside them changed.
                context.Result["erased"] = false;
                throw new CommandFailedException("The erase of " + string.Join(", ", included.Select(region => region.Region.Name)) + " did not verify. " + RemedyWords.Message(e));
            }
            catch (VerifyFailedException e)
            {
                context.Result["erased"] = false;
                context.Result["firstNonBlank"] = e.Address;
                throw new CommandFailedException(
                    "The chip is not blank after the erase: 0x" + e.Actual.ToString("X2") + " at " + SpiNorCommands.Hex(e.Address!.Value) + " (" + e.MismatchedBytes
                    + " bytes not 0xFF). Erase again; if it persists check the wiring and lower --spispeed.");
            }
            catch (Exception e) when (e is SerprogException or IOException or TimeoutException || (e is SpiNorException && changes.Started))
            {
                context.Result["erased"] = false;
                context.Result["chipState"] = changes.Json(settled: false);
                throw new CommandFailedException(RemedyWords.Message(e) + " " + Stopped(changes, again, settled: false));
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

        /// <summary>What an erase that stopped early leaves, and the command that finishes it.</summary>
        private static string Stopped(ChipChanges changes, TypedCommand again, bool settled)
        {
            if (!changes.Started)
            {
                return "Nothing was erased: the chip is as it was. To erase it, run the same command again:\n  " + again;
            }

            return changes.AllDoneBeforeCheck
                ? "Everything was erased; the check that it reads back blank was interrupted. To finish, run the same erase again:\n  " + again
                : "The chip may be partly erased: run the same erase again to finish it (or write the image it should hold with serprog write):\n  " + again
                    + "\nBlock by block:" + changes.Describe(settled);
        }
    }
}
