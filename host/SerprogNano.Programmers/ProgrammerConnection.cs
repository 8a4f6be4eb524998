using System;
using System.Collections.Generic;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Programmers.LinuxSpi;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// An opened programmer: its SPI bus, and the serprog client behind it or the spidev node it is,
    /// with what its registry entry knows about it. Nothing here says whether the device is emulated:
    /// the commands treat every programmer alike.
    /// </summary>
    public sealed class ProgrammerConnection : IDisposable
    {
        private readonly IDisposable _owner;

        /// <param name="linkBytesPerSecond">The link's known byte rate (a modeled UART's baud/10), or null when unknown.</param>
        /// <param name="scratchChip">Whether the chip holds nothing worth keeping (a fresh emulated chip).</param>
        public ProgrammerConnection(SerprogClient client, double? linkBytesPerSecond = null, bool scratchChip = false)
        {
            Client = client;
            Master = new RetryingSpiMaster(new SerprogSpiMaster(client));
            LinkBytesPerSecond = linkBytesPerSecond;
            ScratchChip = scratchChip;
            Warnings = client.Warnings;
            _owner = client;
        }

        /// <param name="blankIdAdvice">What to tell the user when the chip answers nothing (the board's wiring hint), or null.</param>
        public ProgrammerConnection(LinuxSpiMaster spidev, IReadOnlyList<string> warnings, string? blankIdAdvice)
        {
            Spidev = spidev;
            Master = spidev;
            Warnings = warnings;
            BlankIdAdvice = blankIdAdvice;
            _owner = spidev;
        }

        /// <summary>The serprog client, or null for a spidev node.</summary>
        public SerprogClient? Client { get; }

        /// <summary>The spidev node (linux_spi), or null for a serprog programmer.</summary>
        public LinuxSpiMaster? Spidev { get; }

        /// <summary>What the user should know before going on (limits the programmer lowered, the guide's advice).</summary>
        public IReadOnlyList<string> Warnings { get; }

        public ISpiMaster Master { get; }

        /// <summary>The link's byte rate when the programmer entry knows it, for throughput against the link's limit.</summary>
        public double? LinkBytesPerSecond { get; }

        /// <summary>The chip holds nothing worth keeping, so measuring a write needs no --destructive.</summary>
        public bool ScratchChip { get; }

        /// <summary>Advice to add when the chip answers nothing, or null.</summary>
        public string? BlankIdAdvice { get; }

        public void Dispose() => _owner.Dispose();
    }
}
