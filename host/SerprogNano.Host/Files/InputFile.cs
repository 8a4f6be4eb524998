using System;
using System.IO;

namespace SerprogNano.Host.Files
{
    /// <summary>
    /// Reads a file the user named as input (an image, a layout, an FMAP file): only a regular file, and only
    /// up to a size that makes sense for it. The kind is checked before the file is opened, since opening a
    /// FIFO blocks until a writer comes and /dev/zero never ends; the size before a byte is read.
    /// </summary>
    public static class InputFile
    {
        /// <summary>The largest SPI NOR parts hold 2 Gbit: no image or FMAP file for one is larger.</summary>
        public const long LargestFlashImage = 256L * 1024 * 1024;

        /// <param name="what">What the file is, starting every message: "Image", "Layout file".</param>
        /// <param name="maxBytes">The most the file may hold.</param>
        /// <param name="limit">What <paramref name="maxBytes"/> is, for the refusal: "the largest SPI NOR chip".</param>
        /// <exception cref="InputFileException">Not a readable regular file of at most <paramref name="maxBytes"/>.</exception>
        public static byte[] ReadAll(string path, string what, long maxBytes, string limit)
        {
            ArgumentNullException.ThrowIfNull(path);
            string full = Path.GetFullPath(path);
            FileKind kind = FileKinds.Of(full, followLinks: true);
            switch (kind)
            {
                case FileKind.Regular or FileKind.Unknown:
                    break;
                case FileKind.Missing:
                    throw new InputFileException(what + " " + full + " does not exist.");
                case FileKind.Directory:
                    throw new InputFileException(what + " " + full + " is a directory; name the file in it.");
                default:
                    throw new InputFileException(what + " " + full + " is " + FileKinds.Describe(kind) + ", not a regular file; name the file itself.");
            }

            try
            {
                using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                long length = stream.Length;
                if (length > maxBytes)
                {
                    throw new InputFileException(what + " " + full + " is " + length + " bytes, more than " + limit + " (" + maxBytes + " bytes); name the right file.");
                }

                var data = new byte[length];
                stream.ReadExactly(data);

                // A file that grew while it was read (still being copied) is not the one whose size was checked.
                if (stream.ReadByte() >= 0)
                {
                    throw new InputFileException(what + " " + full + " grew while it was read; wait until it is complete and try again.");
                }

                return data;
            }
            catch (UnauthorizedAccessException)
            {
                throw new InputFileException("Cannot read " + what.ToLowerInvariant() + " " + full + ": permission denied. Make it readable for this user (ls -l shows who may read it) or copy it somewhere readable.");
            }
            catch (IOException e) when (e is not InputFileException)
            {
                throw new InputFileException("Cannot read " + what.ToLowerInvariant() + " " + full + ": the system reported an error reading it (" + e.Message.TrimEnd('.', ' ')
                    + "). The file or its disk may be damaged: copy the " + what.ToLowerInvariant() + " again from a good source and check its checksum.");
            }
        }
    }

    /// <summary>An input file that is not there, not a regular file, too large or unreadable; the message says which and what to do.</summary>
    public sealed class InputFileException : IOException
    {
        public InputFileException(string message)
            : base(message)
        {
        }
    }
}
