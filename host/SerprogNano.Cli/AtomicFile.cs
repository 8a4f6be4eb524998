using System;
using System.IO;
using SerprogNano.Host.Files;

namespace SerprogNano.Cli
{
    /// <summary>
    /// Writes a file under a temporary name in the same directory and renames it into place, so a
    /// failure (disk full, unplugged programmer) never leaves a half-written dump under the final name.
    /// Only a regular file is ever replaced: a device, pipe, socket or directory under the name is
    /// refused, and a symbolic link is followed to the regular file it names (the link stays a link).
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>
        /// Checks, before any work, that <paramref name="path"/> can take the file: its directory exists and
        /// is writable, and it names nothing but a regular file. Returns where the bytes will land (a link's target).
        /// </summary>
        /// <param name="what">What is saved, for messages: "the dump", "the backup".</param>
        /// <param name="whenExists">The refusal when a file is already there, or null to replace it.</param>
        /// <param name="consequence">How the refusal ends: "nothing was read."</param>
        public static string CheckTarget(string path, string what, string? whenExists, string consequence)
        {
            string full = Path.GetFullPath(path);
            string target = full;
            string said = full + " is";
            FileKind kind = FileKinds.Of(full, followLinks: false);
            if (kind == FileKind.SymbolicLink)
            {
                string? process = ProcessFileOnTheWay(full);
                if (process != null)
                {
                    throw Refuse(what, full, full + " is a symbolic link to " + process + ", one of this process's own open files (its standard output, for /dev/stdout), "
                        + "not a file to replace. Name the file itself", consequence);
                }

                target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
                kind = FileKinds.Of(full, followLinks: true);

                // /proc's links (/dev/stdout -> /proc/self/fd/1 -> "pipe:[1234]") end in names that are no paths: show the first step.
                string shown = kind == FileKind.Missing || FileKinds.Of(target, followLinks: false) != FileKind.Missing ? target : new FileInfo(full).LinkTarget ?? target;
                said = full + " is a symbolic link to " + shown + ", which is";
                if (kind == FileKind.Missing)
                {
                    throw Refuse(what, full, said + " missing; serprog follows a link only to an existing regular file. Name the file itself", consequence);
                }
            }

            switch (kind)
            {
                case FileKind.Regular:
                    if (whenExists != null)
                    {
                        throw new CommandFailedException(whenExists);
                    }

                    break;
                case FileKind.Missing:
                    break;
                case FileKind.Directory:
                    throw Refuse(what, full, said + " a directory. Name a file in it, e.g. " + Path.Combine(target, "serprog.bin"), consequence);
                default:
                    throw Refuse(
                        what, full, said + " " + FileKinds.Describe(kind) + ", not a regular file. serprog saves only into regular files and never writes into "
                        + "or replaces a device, pipe or socket: save to a file, then copy it where it should go", consequence);
            }

            string directory = Path.GetDirectoryName(target) ?? ".";
            FileKind directoryKind = FileKinds.Of(directory, followLinks: true);
            if (directoryKind != FileKind.Directory)
            {
                throw Refuse(what, full, "the directory " + directory + (directoryKind == FileKind.Missing ? " does not exist" : " is " + FileKinds.Describe(directoryKind))
                    + ". Create it or choose another place", consequence);
            }

            ProbeWritable(directory, what, full, consequence);
            return target;
        }

        /// <summary>Checks the target again (it may have changed since), then writes and renames into place.</summary>
        public static void Write(string path, ReadOnlySpan<byte> data, bool overwrite)
        {
            string full = Path.GetFullPath(path);
            string target = CheckTarget(full, "the file", overwrite ? null : full + " appeared meanwhile; not replacing it. Choose another name.", "nothing was saved.");
            string temporary = TemporaryName(target);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(data);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, target, overwrite);
            }
            catch (IOException e)
            {
                Discard(temporary);
                throw new IOException("Could not save " + full + ": " + e.Message.TrimEnd() + ". Nothing was left under that name; free some space or choose another place.", e);
            }
            catch
            {
                Discard(temporary);
                throw;
            }
        }

        /// <summary>
        /// The first step of a link chain into /proc (/dev/stdout -> /proc/self/fd/1), or null: such a link names
        /// an open file of this process, and replacing what it points at would pull the file from under the shell's redirection.
        /// </summary>
        private static string? ProcessFileOnTheWay(string link)
        {
            string current = link;
            for (int step = 0; step < 40; step++)
            {
                string? next = new FileInfo(current).LinkTarget;
                if (next == null)
                {
                    return null;
                }

                current = Path.GetFullPath(next, Path.GetDirectoryName(current) ?? "/");
                if (current.StartsWith("/proc/", StringComparison.Ordinal))
                {
                    return current;
                }
            }

            return null;
        }

        private static string TemporaryName(string target)
        {
            return Path.Combine(Path.GetDirectoryName(target) ?? ".", "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        }

        /// <summary>Creates and removes a file where the real one will go: a read-only place is found before the chip is read.</summary>
        private static void ProbeWritable(string directory, string what, string full, string consequence)
        {
            string probe = TemporaryName(Path.Combine(directory, "serprog"));
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
                {
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Refuse(what, full, "cannot create files in " + directory + " (" + e.Message.TrimEnd('.', ' ') + "). Choose another place", consequence);
            }
            finally
            {
                Discard(probe);
            }
        }

        private static CommandFailedException Refuse(string what, string full, string reason, string consequence)
        {
            return new CommandFailedException("Cannot save " + what + " to " + full + ": " + reason + "; " + consequence);
        }

        /// <summary>Removes the temporary file if it was created (its directory may not even exist).</summary>
        private static void Discard(string temporary)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
