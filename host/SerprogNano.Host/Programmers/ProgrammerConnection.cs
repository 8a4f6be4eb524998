using System;
using System.Collections.Generic;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Links;
using SerprogNano.Host.LinuxSpi;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.Programmers
{
    /// <summary>
    /// An opened programmer: its SPI bus, and the serprog client behind it or the spidev node it is;
    /// for the emulator the chip behind it.
    /// </summary>
    public sealed class ProgrammerConnection : IDisposable
    {
        private readonly IDisposable _owner;

        public ProgrammerConnection(SerprogClient client, EmulatedSpiNor? emulatedChip, LinkModel? link)
        {
            Client = client;
            Master = new RetryingSpiMaster(new SerprogSpiMaster(client));
            EmulatedChip = emulatedChip;
            Link = link;
            Warnings = client.Warnings;
            _owner = client;
        }

        public ProgrammerConnection(LinuxSpiMaster spidev, IReadOnlyList<string> warnings)
        {
            Spidev = spidev;
            Master = spidev;
            Warnings = warnings;
            _owner = spidev;
        }

        /// <summary>The serprog client, or null for a spidev node.</summary>
        public SerprogClient? Client { get; }

        /// <summary>The spidev node (linux_spi), or null for a serprog programmer.</summary>
        public LinuxSpiMaster? Spidev { get; }

        /// <summary>What the user should know before going on (limits the programmer lowered, the guide's advice).</summary>
        public IReadOnlyList<string> Warnings { get; }

        public ISpiMaster Master { get; }

        /// <summary>The chip on the emulator's bus, or null for real hardware.</summary>
        public EmulatedSpiNor? EmulatedChip { get; }

        /// <summary>The modeled link's timing when it is known (the emulator with baud=/latency-us=).</summary>
        public LinkModel? Link { get; }

        public bool IsEmulator => EmulatedChip != null;

        public void Dispose() => _owner.Dispose();
    }
}
