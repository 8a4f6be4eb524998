using System;
using System.IO;
using SerprogNano.Spidev;

namespace SerprogNano.TestSupport
{
    /// <summary>A board's /proc/device-tree/model and spidev's bufsiz as files in a temporary folder.</summary>
    public sealed class BoardFiles : IDisposable
    {
        public const string RaspberryPi = "Raspberry Pi 4 Model B Rev 1.4\0";
        public const string BeagleBoneBlack = "TI AM335x BeagleBone Black\0";

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "sbc-tests-" + Guid.NewGuid().ToString("N"));

        /// <param name="model">The model file's text, or null for a machine without a device tree.</param>
        /// <param name="bufferSize">The bufsiz file's text, or null when the spidev module says nothing.</param>
        public BoardFiles(string? model, string? bufferSize = "4096\n")
        {
            Directory.CreateDirectory(_directory);
            ModelPath = Path.Combine(_directory, "model");
            BufferSizePath = Path.Combine(_directory, "bufsiz");
            if (model != null)
            {
                File.WriteAllText(ModelPath, model);
            }

            if (bufferSize != null)
            {
                File.WriteAllText(BufferSizePath, bufferSize);
            }
        }

        public string ModelPath { get; }

        public string BufferSizePath { get; }

        public SpidevSystem System(ISpiDeviceFactory devices) => new(devices, BufferSizePath, ModelPath);

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
