using System;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>An emulated chip on an emulated programmer, with the host's stack on top down to <see cref="SpiNorFlash"/>.</summary>
    internal sealed class FlashRig : IDisposable
    {
        /// <param name="extensions">Whether the programmer offers the SerprogNano extensions; without, it is a plain serprog v1 one.</param>
        public FlashRig(SpiNorModel model, bool busyTimes = false, string? forcedChip = null, bool extensions = true)
        {
            Chip = new EmulatedSpiNor(model, new EmulatedSpiNorOptions { BusyTimes = busyTimes });
            Emulator = new SerprogEmulator(Chip) { Extensions = extensions };
            Client = Rig.Connect(Emulator);
            Master = new SerprogSpiMaster(Client);
            Probe = ChipProber.Probe(Master, ChipDatabase.Default, forcedChip ?? ForcedNameFor(model));
            Flash = new SpiNorFlash(Master, Probe.Chip, SerprogDeviceSide.Of(Client));
        }

        public EmulatedSpiNor Chip { get; }

        public SerprogEmulator Emulator { get; }

        public SerprogClient Client { get; }

        public SerprogSpiMaster Master { get; }

        public SpiNorFlash Flash { get; }

        public ProbeResult Probe { get; }

        /// <summary>Parts whose id several database entries share need a name, as flashprog's -c.</summary>
        public static string? ForcedNameFor(SpiNorModel model)
        {
            return ChipDatabase.Default.FindByJedecId(model.ManufacturerId, model.DeviceId).Count > 1 ? model.Name : null;
        }

        public static byte[] RandomImage(int length, int seed)
        {
            var image = new byte[length];
            new Random(seed).NextBytes(image);
            return image;
        }

        public void Dispose() => Client.Dispose();
    }
}
