using System;
using System.IO;

namespace SerprogNano.Cli
{
    /// <summary>
    /// Writes a file under a temporary name in the same directory and renames it into place, so a
    /// failure (disk full, unplugged programmer) never leaves a half-written dump under the final name.
    /// </summary>
    public static class AtomicFile
    {
        public static void Write(string path, ReadOnlySpan<byte> data, bool overwrite)
        {
            string full = Path.GetFullPath(path);
            string temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(data);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, full, overwrite);
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
