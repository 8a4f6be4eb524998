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
            byte[] image;
            try
            {
                image = InputFile.ReadAll(file.FullName, "Image", InputFile.LargestFlashImage, "the largest SPI NOR chip");
            }
            catch (InputFileException e)
            {
                throw new CommandFailedException(e.Message);
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
