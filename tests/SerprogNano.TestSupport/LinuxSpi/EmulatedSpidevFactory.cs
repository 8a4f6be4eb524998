using System.Collections.Generic;
using System.Device.Spi;
using SerprogNano.Emulator.Chip;
using SerprogNano.Spidev;

namespace SerprogNano.TestSupport
{
    /// <summary>Device nodes that exist only as named, each opening an <see cref="EmulatedSpidevDevice"/> on one chip.</summary>
    public sealed class EmulatedSpidevFactory : ISpiDeviceFactory
    {
        private readonly ISpiTarget _chip;
        private readonly HashSet<string> _nodes;
        private readonly int _bufferSize;
        private readonly bool _kernelChipSelect;

        public EmulatedSpidevFactory(ISpiTarget chip, int bufferSize = SpidevSystem.DefaultBufferSize, bool kernelChipSelect = true, params string[] nodes)
        {
            _chip = chip;
            _bufferSize = bufferSize;
            _kernelChipSelect = kernelChipSelect;
            _nodes = new HashSet<string>(nodes.Length == 0 ? new[] { "/dev/spidev0.0" } : nodes);
        }

        public SpidevCounters Counters { get; } = new();

        /// <summary>Settings of every device opened, in order (a new clock reopens).</summary>
        public List<SpiConnectionSettings> Opened { get; } = new();

        public EmulatedSpidevDevice? Last { get; private set; }

        public bool Exists(string devicePath) => _nodes.Contains(devicePath);

        public SpiDevice Create(SpiConnectionSettings settings)
        {
            Opened.Add(settings);
            Last = new EmulatedSpidevDevice(_chip, settings, _bufferSize, _kernelChipSelect, Counters);
            return Last;
        }
    }
}
