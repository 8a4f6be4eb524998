using System;
using SerprogNano.Chips;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>
    /// An emulated W25Q64FV behind a SerprogNano engine and a link that counts what crosses it and can hide opcodes from
    /// Q_CMDMAP (a programmer with older firmware), with its flash connected.
    /// </summary>
    internal sealed class MonitoredProgrammer : IDisposable
    {
        private readonly SerprogClient _client;

        public MonitoredProgrammer(string programmerName = "SerprogNano emu", byte[]? hidden = null, int serialBuffer = EngineSettings.DefaultBufferSize)
        {
            Chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            var emulator = new SerprogEmulator(Chip, new EngineSettings { ProgrammerName = programmerName, SerialBufferSize = serialBuffer });
            Link = Rig.Monitor(emulator, hidden ?? Array.Empty<byte>());
            _client = SerprogClient.Connect(Link);
            var master = new RetryingSpiMaster(new SerprogSpiMaster(_client));
            Flash = new SpiNorFlash(master, ChipProber.Probe(master, ChipDatabase.Default, FlashRig.ForcedNameFor(SpiNorModels.W25Q64FV)).Chip, SerprogDeviceSide.Of(_client));
        }

        public EmulatedSpiNor Chip { get; }

        public MonitoringTransport Link { get; }

        public SpiNorFlash Flash { get; }

        public void Dispose() => _client.Dispose();
    }
}
