using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Links;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.Programmers
{
    /// <summary>An opened programmer: the serprog client, its SPI bus, and for the emulator the chip behind it.</summary>
    public sealed class ProgrammerConnection : IDisposable
    {
        public ProgrammerConnection(SerprogClient client, EmulatedSpiNor? emulatedChip, LinkModel? link)
        {
            Client = client;
            Master = new RetryingSpiMaster(new SerprogSpiMaster(client));
            EmulatedChip = emulatedChip;
            Link = link;
        }

        public SerprogClient Client { get; }

        public ISpiMaster Master { get; }

        /// <summary>The chip on the emulator's bus, or null for real hardware.</summary>
        public EmulatedSpiNor? EmulatedChip { get; }

        /// <summary>The modeled link's timing when it is known (the emulator with baud=/latency-us=).</summary>
        public LinkModel? Link { get; }

        public bool IsEmulator => EmulatedChip != null;

        public void Dispose() => Client.Dispose();
    }
}
