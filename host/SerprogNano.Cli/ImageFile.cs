using System;
using System.IO;
using SerprogNano.Host.Files;
using SerprogNano.Chips;

namespace SerprogNano.Cli
{
    /// <summary>An image the user wants on the chip (or compared with it): it must exist and fit the chip exactly.</summary>
    public static class ImageFile
    {
        public static byte[] Load(FileInfo file)
        {
            if (Directory.Exists(file.FullName))
            {
                throw new CommandFailedException("Image " + file.FullName + " is a directory; name the image file in it.");
            }

            if (!file.Exists)
            {
                throw new CommandFailedException("Image " + file.FullName + " does not exist.");
            }

            FileKind kind = FileKinds.Of(file.FullName, followLinks: true);
            if (kind is not (FileKind.Regular or FileKind.Unknown))
            {
                throw new CommandFailedException("Image " + file.FullName + " is " + FileKinds.Describe(kind) + ", not a regular file; name the image file itself.");
            }

            byte[] image;
            try
            {
                image = File.ReadAllBytes(file.FullName);
            }
            catch (UnauthorizedAccessException)
            {
                throw new CommandFailedException("Cannot read image " + file.FullName + ": permission denied. Make it readable for this user (ls -l shows who may read it) or copy it somewhere readable.");
            }
            catch (IOException e)
            {
                throw new CommandFailedException("Cannot read image " + file.FullName + ": the system reported an error reading it (" + e.Message.TrimEnd('.', ' ')
                    + "). The file or its disk may be damaged: copy the image again from a good source and check its checksum.");
            }

            if (image.Length == 0)
            {
                throw new CommandFailedException("Image " + file.FullName + " is empty.");
            }

            return image;
        }

        /// <summary>Refuses an image whose size is not the chip's, naming both sizes.</summary>
        public static void RequireChipSize(FileInfo file, byte[] image, ChipDefinition chip, string consequence)
        {
            if (image.Length != chip.Size)
            {
                throw new CommandFailedException(
                    "Image " + file.Name + " is " + image.Length + " bytes but the chip (" + chip.Name + ") holds " + chip.Size + " bytes: " + consequence
                    + " Check that this is the image for this board and that -c names the right part.");
            }
        }
    }
}
