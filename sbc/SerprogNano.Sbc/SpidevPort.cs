using System;
using SerprogNano.Engine;
using SerprogNano.Spidev;

namespace SerprogNano.Sbc
{
    /// <summary>
    /// One spidev node as the engine's clock: .NET IoT fixes the clock when a device is opened, so a new clock
    /// reopens it. Its transfers (at most <see cref="TransferLimit"/> bytes each) go through <see cref="SpidevConnection"/>.
    /// </summary>
    public sealed class SpidevPort : ISpiClock, IDisposable
    {
        /// <summary>Lowest clock granted; SPI NOR parts have no lower bound, the kernel's controllers do.</summary>
        public const uint MinimumHz = 100_000;

        private readonly SpidevSystem _system;
        private readonly SpidevPath _path;
        private readonly uint _maximumHz;
        private SpidevConnection _spidev;

        public SpidevPort(SpidevSystem system, SpidevPath path, int transferLimit, uint initialHz, uint maximumHz)
        {
            ArgumentNullException.ThrowIfNull(system);
            _system = system;
            _path = path;
            _maximumHz = Math.Max(maximumHz, MinimumHz);
            Frequency = Clamp(initialHz);
            _spidev = new SpidevConnection(system.Open(path, Frequency), path.ToString(), transferLimit);
        }

        /// <summary>spidev's bufsiz: one transfer, one kernel chip-select cycle, at most this many bytes.</summary>
        public int TransferLimit => _spidev.TransferLimit;

        public uint Frequency { get; private set; }

        public string DevicePath => _spidev.DevicePath;

        public uint SetFrequency(uint requestedHz)
        {
            uint granted = Clamp(requestedHz);
            if (granted != Frequency)
            {
                int transferLimit = TransferLimit;
                _spidev.Dispose();
                _spidev = new SpidevConnection(_system.Open(_path, granted), _path.ToString(), transferLimit);
                Frequency = granted;
            }

            return granted;
        }

        /// <summary>One transfer: clocks <paramref name="output"/> out, what comes in lands in <paramref name="input"/> (same length).</summary>
        public void Transfer(ReadOnlySpan<byte> output, Span<byte> input) => _spidev.Transfer(output, input);

        /// <summary>One write-only transfer.</summary>
        public void Write(ReadOnlySpan<byte> output) => _spidev.Write(output);

        public void Dispose() => _spidev.Dispose();

        private uint Clamp(uint hz) => Math.Clamp(hz, MinimumHz, _maximumHz);
    }
}
