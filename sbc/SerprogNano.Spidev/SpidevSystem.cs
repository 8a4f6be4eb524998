using System;
using System.Device.Spi;
using System.Globalization;
using System.IO;

namespace SerprogNano.Spidev
{
    /// <summary>
    /// The Linux side of spidev: its device nodes, the kernel's transfer limit and the board's model
    /// name. Tests give their own factory and files.
    /// </summary>
    public sealed class SpidevSystem
    {
        /// <summary>spidev's bufsiz when the module does not say: the kernel's default.</summary>
        public const int DefaultBufferSize = 4096;

        public SpidevSystem(ISpiDeviceFactory devices, string bufferSizePath = "/sys/module/spidev/parameters/bufsiz", string modelPath = "/proc/device-tree/model")
        {
            ArgumentNullException.ThrowIfNull(devices);
            Devices = devices;
            BufferSizePath = bufferSizePath;
            ModelPath = modelPath;
        }

        /// <summary>The kernel's nodes, the kernel's files.</summary>
        public static SpidevSystem Local { get; } = new(new UnixSpiDeviceFactory());

        public ISpiDeviceFactory Devices { get; }

        public string BufferSizePath { get; }

        public string ModelPath { get; }

        /// <summary>Longest transfer spidev accepts (one chip-select cycle); larger ones fail with EMSGSIZE.</summary>
        public int ReadBufferSize()
        {
            try
            {
                string text = File.ReadAllText(BufferSizePath).Trim();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0 ? size : DefaultBufferSize;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return DefaultBufferSize;
            }
        }

        /// <summary>The node of <paramref name="devicePath"/>, or what to do when it is missing or is no spidev node.</summary>
        public SpidevPath Locate(string devicePath, BoardKind board)
        {
            if (!Devices.Exists(devicePath))
            {
                throw new SpidevNotFoundException(BoardAdvice.ForMissingDevice(board, devicePath));
            }

            if (!SpidevPath.TryParse(devicePath, out SpidevPath path))
            {
                throw new ArgumentException(devicePath + " is not a spidev node of the form /dev/spidevBUS.CS (ls /dev/spidev* lists them).");
            }

            return path;
        }

        /// <summary>Opens the node at <paramref name="clockHz"/> in SPI mode 0, the mode of 25xx flash.</summary>
        public SpiDevice Open(SpidevPath path, uint clockHz)
        {
            return Devices.Create(new SpiConnectionSettings(path.Bus, path.ChipSelectLine) { ClockFrequency = (int)Math.Min(clockHz, int.MaxValue), Mode = SpiMode.Mode0 });
        }

        public BoardKind DetectBoard()
        {
            try
            {
                // The device tree ends the string with a NUL.
                return BoardAdvice.Identify(File.ReadAllText(ModelPath).TrimEnd('\0', '\n'));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return BoardKind.Other;
            }
        }
    }
}
