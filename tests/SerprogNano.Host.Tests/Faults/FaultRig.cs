using System;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Chips;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Programmers.Emulator;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>
    /// An emulated chip behind a link with <see cref="LinkFaults"/>, and the host's stack as the CLI builds
    /// it (retrying master), with short time-outs so a dead link fails a test in seconds, not minutes.
    /// The chip outlives connections: <see cref="Connect"/> again is a replug.
    /// </summary>
    internal sealed class FaultRig : IDisposable
    {
        public static readonly SerprogClientOptions ShortTimeouts = new()
        {
            ReplyTimeout = TimeSpan.FromMilliseconds(800),
            SyncTimeout = TimeSpan.FromMilliseconds(600),
            SyncAttempts = 3,
        };

        private SerprogClient? _client;

        /// <param name="extensions">Whether the programmer offers the SerprogNano extensions; without, it is a plain serprog v1 one.</param>
        public FaultRig(SpiNorModel model, bool extensions = true)
        {
            Chip = new EmulatedSpiNor(model);
            Emulator = new SerprogEmulator(Chip) { LinkFaults = Faults, Extensions = extensions };
        }

        public EmulatedSpiNor Chip { get; }

        public SerprogEmulator Emulator { get; }

        public LinkFaults Faults { get; } = new();

        public RetryingSpiMaster? Master { get; private set; }

        /// <summary>A new connection (the last one is dropped first) with the chip probed on it.</summary>
        public SpiNorFlash Connect()
        {
            _client?.Dispose();
            _client = SerprogClient.Connect(new EmulatorTransport(Emulator), ShortTimeouts);
            Master = new RetryingSpiMaster(new SerprogSpiMaster(_client));
            return new SpiNorFlash(Master, ChipProber.Probe(Master, ChipDatabase.Default, FlashRig.ForcedNameFor(Chip.Model)).Chip, SerprogDeviceSide.Of(_client));
        }

        /// <summary>
        /// <paramref name="old"/> with <paramref name="length"/> bytes from <paramref name="start"/> replaced by random ones:
        /// an update of one region, so a test erases a few blocks rather than waiting out a whole chip's erase times.
        /// </summary>
        public static byte[] Updated(byte[] old, int start, int length, int seed)
        {
            byte[] image = (byte[])old.Clone();
            new Random(seed).NextBytes(image.AsSpan(start, length));
            return image;
        }

        public void Dispose() => _client?.Dispose();
    }
}
