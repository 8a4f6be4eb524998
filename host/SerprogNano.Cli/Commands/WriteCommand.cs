using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using SerprogNano.Host.Files;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli.Commands
{
    /// <summary>
    /// `serprog write FILE`: put an image on the chip, changing only what differs. The old contents
    /// go to a backup file before anything changes, and "VERIFIED" is printed only after a full read-back.
    /// </summary>
    public static class WriteCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var file = new Argument<FileInfo>("FILE") { Description = "Image to write; must be exactly the chip's size" };
            var backup = new Option<FileInfo?>("--backup")
            {
                Description = "Save the chip's old contents here before changing it (default serprog-backup-<chip>-<time>.bin)",
            };
            var noBackup = new Option<bool>("--no-backup") { Description = "Do not save the old contents (only if you have a verified dump)" };
            var noVerifyAll = new Option<bool>("--noverify-all", "-N")
            {
                Description = "With -i: read back only the regions written (and erase blocks they share), not the whole chip (flashrom's -N)",
            };
            var regions = new RegionOptions();
            var command = new Command("write", "Write FILE to the chip (or only the regions chosen with -i): erase and program only what differs, then verify")
            {
                file, backup, noBackup, noVerifyAll, common.Unprotect,
            };
            common.AddTo(command);
            regions.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
            {
                FileInfo? backupFile = context.Parse.GetValue(backup);
                bool skipBackup = context.Parse.GetValue(noBackup);
                if (backupFile != null && skipBackup)
                {
                    throw new UsageException("--backup and --no-backup contradict each other; give one.");
                }

                RegionRequest? request = regions.Parse(context.Parse);
                bool verifyAll = !context.Parse.GetValue(noVerifyAll);
                if (!verifyAll && request == null)
                {
                    throw new UsageException("--noverify-all only matters with -i: a whole-chip write always reads everything back.");
                }

                return Run(context, context.Parse.GetRequiredValue(file), backupFile, skipBackup, context.Parse.GetValue(common.Unprotect), request, verifyAll);
            });
            return command;
        }

        private static int Run(CommandContext context, FileInfo file, FileInfo? backupFile, bool skipBackup, bool unprotect, RegionRequest? request, bool verifyAll)
        {
            context.Result["file"] = file.FullName;
            byte[] image = ImageFile.Load(file);
            TypedCommand typed = TypedCommand.Of(context.Parse);
            if (backupFile != null)
            {
                // Backups never replace anything, not even through a link: any entry under the name is refused.
                if (FileKinds.Of(backupFile.FullName, followLinks: false) is not FileKind.Missing)
                {
                    // Most often the same command again after a stop: that backup is then the one copy of the original.
                    throw new CommandFailedException(
                        "Backup file " + backupFile.FullName + " exists; not replacing it. If it is the backup of an earlier write to this chip that did not finish, "
                        + "it holds the chip's original contents: keep it, and finish that write with --no-backup in place of --backup (another --backup name "
                        + "would save the chip as it is now, half-written, not the original):\n  " + Finish.WithoutBackup(typed) + "\nOtherwise choose another --backup name.");
                }

                AtomicFile.CheckTarget(backupFile.FullName, "the backup", null, "nothing was written.");
            }
            else if (!skipBackup)
            {
                AtomicFile.CheckTarget(DefaultBackupPath("chip"), "the backup", null, "nothing was written. Run from a writable directory or give --backup FILE.");
            }

            using FlashSession session = FlashSession.Open(context, ChipUse.Change);
            ImageFile.RequireChipSize(file, image, session.Chip, "nothing was written.");
            IReadOnlyList<IncludedRegion>? included = request?.Resolve(context, session, image);
            foreach (IncludedRegion region in included?.Where(region => region.File != null) ?? [])
            {
                // flashrom: a region's own file takes precedence over the image's bytes there.
                region.LoadFile().CopyTo(image, region.Offset);
            }

            ProtectionReport.Report(context, session.Flash, unprotect);
            string? backupPath = skipBackup ? null : (backupFile?.FullName ?? DefaultBackupPath(session.Chip.Name));
            var changes = ChipChanges.Of(session.Flash);
            FlashLayout? imageLayout = included == null ? ImageLayout.Find(image) : null;
            bool regionsTold = false;
            var finish = new Finish(typed, changes, backupPath, backupFile != null, included != null);
            context.Interruption.AtOnce = () => finish.Stopped(settled: false);
            var options = new WriteOptions
            {
                ClearProtection = unprotect,
                StatusRegistersChanged = context.Say,
                Regions = included?.Select(region => region.Region).ToList(),
                VerifyAll = verifyAll,
                OldContentsNeeded = backupPath != null,
                Planned = plan =>
                {
                    changes.Planned(plan);
                    regionsTold = regionsTold || TellRegions(context, imageLayout, plan);
                },
                BeforeChange = old =>
                {
                    if (backupPath != null)
                    {
                        finish.Original = EarlierBackup.Find(Path.GetDirectoryName(backupPath)!, BackupPrefix(session.Chip.Name), old.Span, image, session.Flash.ProgramUnit);
                        if (finish.Original != null)
                        {
                            context.Result["originalBackup"] = finish.Original;
                            context.Warn("the chip holds part of " + file.Name + " and part of " + finish.Original + ", the backup of an earlier write that did not finish: "
                                + "that file holds the chip's original contents, the backup saved now does not.");
                        }

                        // A backup that cannot be saved stops the write before the chip changes.
                        AtomicFile.Write(backupPath, old.Span, overwrite: false);
                        context.Result["backup"] = backupPath;
                        context.Say(finish.Original == null
                            ? "Saved the old contents to " + backupPath + "."
                            : "Saved the chip as it is, half-written, to " + backupPath + ": NOT the original contents, which are in " + finish.Original + ".");
                    }
                },
            };

            WriteResult result;
            try
            {
                result = context.Progress.Run(progress =>
                {
                    options.Progress = changes.Watch(progress);
                    return FlashWriter.Write(session.Flash, 0, image, options);
                });
            }
            catch (CommandInterruptedException e)
            {
                context.Result["chipState"] = changes.Json(settled: true);
                throw new CommandFailedException(e.Message + " " + finish.Stopped(settled: true));
            }
            catch (VerifyFailedException e)
            {
                throw new CommandFailedException(RemedyWords.Message(e) + " " + finish.NotVerified());
            }
            catch (Exception e) when (e is SerprogException or IOException or TimeoutException || (e is SpiNorException && changes.Started))
            {
                // A lost link, or the chip failing mid-write: what the last progress report said, the rest of its phase unknown.
                context.Result["chipState"] = changes.Json(settled: false);
                throw new CommandFailedException(RemedyWords.Message(e) + " " + finish.Stopped(settled: false));
            }

            return Report(context, image, result, included, verifyAll);
        }

        /// <summary>
        /// The first plan of a whole-chip write, told by the regions of the image's own descriptor or FMAP: which change and
        /// by how much, and which stay as they are. False when the image has no layout.
        /// </summary>
        private static bool TellRegions(CommandContext context, FlashLayout? layout, WritePlan plan)
        {
            if (layout == null)
            {
                return false;
            }

            var json = new JsonArray();
            var changed = new List<string>();
            var unchanged = new List<string>();
            foreach ((FlashRegion region, long bytes) in PlanRegions.Of(layout, plan))
            {
                json.Add(new JsonObject { ["name"] = region.Name, ["start"] = region.Start, ["end"] = region.End, ["bytesChanged"] = bytes });
                (bytes > 0 ? changed : unchanged).Add(bytes > 0 ? region.Name + " (" + Kib(bytes) + " of " + Kib(region.Size) + ")" : region.Name);
            }

            context.Result["regionsPlanned"] = json;
            context.Result["imageLayout"] = layout.Source;
            context.Say("Plan by the image's regions (" + layout.Source + "): " + (changed.Count == 0 ? "none changes" : "changes " + string.Join(", ", changed))
                + (unchanged.Count == 0 ? "." : "; unchanged: " + string.Join(", ", unchanged) + "."));
            return true;
        }

        private static string Kib(long bytes) => bytes >= 1024 ? (bytes / 1024) + " KiB" : bytes + " bytes";

        private static int Report(CommandContext context, byte[] image, WriteResult result, IReadOnlyList<IncludedRegion>? included, bool verifyAll)
        {
            var erases = new JsonObject();
            foreach (var (size, count) in result.ErasesBySize)
            {
                erases[size.ToString(CultureInfo.InvariantCulture)] = count;
            }

            context.Result["unchanged"] = result.Unchanged;
            context.Result["erasesBySize"] = erases;
            context.Result["programs"] = result.ProgramsDone;
            context.Result["bytesProgrammed"] = result.BytesProgrammed;
            context.Result["bytesVerified"] = result.BytesVerified;
            context.Result["path"] = result.Path == WritePath.DeviceSide ? "device-side" : "transactions";
            context.Detail(result.Path == WritePath.DeviceSide
                ? "Path: SerprogNano extensions: erases and page programs waited for on the device, the chip checked by CRC-32 computed on the programmer."
                : "Path: plain SPI transactions (serprog v1 or another master): every compared byte read over the link.");
            long mustVerify = verifyAll ? image.Length : included!.Sum(region => (long)region.Length);
            if (result.BytesVerified < mustVerify)
            {
                context.Result["verified"] = false;
                throw new CommandFailedException("Only " + result.BytesVerified + " of " + mustVerify + " bytes were read back: the write is NOT verified. Run it again.");
            }

            context.Result["verified"] = true;
            context.Say(result.Unchanged
                ? "The chip already holds this image" + (included == null ? "" : " in " + string.Join(", ", included.Select(region => region.Region.Name))) + ": nothing to erase or program."
                : "Erased " + Describe(result) + ", programmed " + result.ProgramsDone + " pages (" + result.BytesProgrammed + " bytes).");
            context.Say(included == null
                ? "VERIFIED: all " + result.BytesVerified + (result.Path == WritePath.DeviceSide ? " bytes match the image (CRC-32 per erase block, computed by the programmer from the chip)." : " bytes read back match the image.")
                : "VERIFIED: " + string.Join(", ", included.Select(region => region.Region.Name)) + " match" + (included.Count == 1 ? "es" : "") + " the image"
                    + (result.BytesVerified >= image.Length
                        ? " and the rest of the chip is unchanged (all " + result.BytesVerified + " bytes compared with the chip before the write" + (result.Repaired ? ", after repairing what the first read-back found changed" : "") + ")."
                        : " (" + result.BytesVerified + " bytes read back; the rest was not checked, as --noverify-all asks)."));
            return ExitCodes.Ok;
        }

        private static string Describe(WriteResult result)
        {
            if (result.ErasesBySize.Count == 0)
            {
                return "nothing";
            }

            var parts = new List<string>();
            foreach (var (size, count) in result.ErasesBySize)
            {
                parts.Add(count + " x " + (size / 1024) + " KiB");
            }

            return string.Join(", ", parts);
        }

        /// <summary>serprog-backup-W25Q64FV-20261124-081500.bin in the current directory.</summary>
        private static string DefaultBackupPath(string chipName)
        {
            string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            return Path.GetFullPath(BackupPrefix(chipName) + stamp + ".bin");
        }

        /// <summary>serprog-backup-W25Q64FV-: the default backups' names up to the time; '/' in names becomes '_'.</summary>
        private static string BackupPrefix(string chipName)
        {
            string safe = chipName;
            foreach (char bad in Path.GetInvalidFileNameChars())
            {
                safe = safe.Replace(bad, '_');
            }

            return "serprog-backup-" + safe.Replace('/', '_') + "-";
        }

        /// <summary>What a write that stopped early, or did not verify, says about the chip and the command that finishes the job.</summary>
        private sealed class Finish
        {
            private readonly TypedCommand _typed;
            private readonly ChipChanges _changes;
            private readonly string? _backupPath;
            private readonly bool _backupNamed;
            private readonly bool _regions;

            public Finish(TypedCommand typed, ChipChanges changes, string? backupPath, bool backupNamed, bool regions)
            {
                _typed = typed;
                _changes = changes;
                _backupPath = backupPath;
                _backupNamed = backupNamed;
                _regions = regions;
            }

            /// <summary>An earlier default backup of this chip from before a write that did not finish: the original contents.</summary>
            public string? Original { get; set; }

            /// <summary>The same write without a backup: the one taken before the stop is the copy of the old contents.</summary>
            public static TypedCommand WithoutBackup(TypedCommand typed) => typed.Without("--backup", takesValue: true).With("--no-backup");

            /// <param name="settled">Stopped at a progress report (see <see cref="ChipChanges.Ranges"/>).</param>
            public string Stopped(bool settled)
            {
                if (!_changes.Started)
                {
                    return "Nothing was written: the chip is as it was" + (_backupPath != null ? ", and no backup was saved" : "") + ". To write it, run the same command again"
                        + (settled ? "" : " once that is put right") + ":\n  " + _typed;
                }

                if (_changes.AllDoneBeforeCheck && !_regions)
                {
                    return "Everything was erased and programmed; the verify was interrupted, so the chip is not yet known to hold the image. " + Saved()
                        + "To check it, run:\n  " + _typed.As("verify").Without("--backup", takesValue: true).Without("--no-backup").Without("--unprotect")
                        + "\nShould it find a difference, finish with the same write" + (_backupPath != null ? " and --no-backup" : "") + ":\n  " + Again();
                }

                return NotVerified() + "\nThe chip is part old, part new:" + _changes.Describe(settled);
            }

            /// <summary>Where the old contents are and the write that finishes the job.</summary>
            public string NotVerified()
            {
                string how = _backupPath == null ? "To finish, run the same write again"
                    : _backupNamed ? "To finish, run the same write again with --no-backup in place of --backup (the backup stays as it is)"
                    : "To finish, run the same write again with --no-backup (another backup would hold the chip half-written)";
                return Saved() + how + "; it re-reads the chip, rewrites only what still differs, then verifies:\n  " + Again();
            }

            private string Again() => (_backupPath == null ? _typed : WithoutBackup(_typed)).ToString();

            private string Saved()
            {
                if (_backupPath == null)
                {
                    return "";
                }

                return Original == null ? "The old contents are in " + _backupPath + ". "
                    : "The original contents are in " + Original + " (" + _backupPath + " holds the chip as this write found it, half-written by an earlier one). ";
            }
        }
    }
}
