using System;
using System.IO;
using System.Linq;

namespace SerprogNano.Cli
{
    /// <summary>
    /// Finds the default backup an earlier, unfinished write of the same image left: the chip then holds, page by
    /// page, that backup's bytes, the image's, or 0xFF (erased, not yet programmed), and differs from the backup
    /// somewhere. That backup is the original contents; one taken now is of the half-written chip.
    /// </summary>
    public static class EarlierBackup
    {
        /// <summary>The newest backups looked at: each is read whole.</summary>
        private const int Candidates = 8;

        /// <param name="prefix">The default backups' names for this chip, up to their time.</param>
        public static string? Find(string directory, string prefix, ReadOnlySpan<byte> chip, ReadOnlySpan<byte> image, int page)
        {
            string[] candidates;
            long size = chip.Length;
            try
            {
                candidates = Directory.EnumerateFiles(directory, prefix + "*.bin")
                    .Where(path => new FileInfo(path).Length == size)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .Take(Candidates)
                    .ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            foreach (string candidate in candidates)
            {
                byte[] earlier;
                try
                {
                    earlier = File.ReadAllBytes(candidate);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if (earlier.Length == chip.Length && HalfWrittenFrom(earlier, chip, image, page))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static bool HalfWrittenFrom(ReadOnlySpan<byte> earlier, ReadOnlySpan<byte> chip, ReadOnlySpan<byte> image, int page)
        {
            bool changed = false;
            for (int at = 0; at < chip.Length; at += page)
            {
                int length = Math.Min(page, chip.Length - at);
                ReadOnlySpan<byte> now = chip.Slice(at, length);
                if (now.SequenceEqual(earlier.Slice(at, length)))
                {
                    continue;
                }

                if (!now.SequenceEqual(image.Slice(at, length)) && now.ContainsAnyExcept((byte)0xFF))
                {
                    return false;
                }

                changed = true;
            }

            return changed;
        }
    }
}
