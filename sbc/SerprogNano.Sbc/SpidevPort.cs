using System;
using System.Device.Spi;
using SerprogNano.Engine;
using SerprogNano.Spidev;

namespace SerprogNano.Sbc
{
    /// <summary>
    /// One spidev node: transfers of at most <see cref="TransferLimit"/> bytes, and the clock, which
    /// .NET IoT fixes when a device is opened, so a new clock reopens it.
    /// </summary>
    public sealed class SpidevPort : ISpiClock, IDisposable
    {
        /// <summary>Lowest clock granted; SPI NOR parts have no lower bound, the kernel's controllers do.</summary>
        public const uint MinimumHz = 100_000;

        private readonly SpidevSystem _system;
        private readonly SpidevPath _path;
        private readonly uint _maximumHz;
        private SpiDevice _device;

        public SpidevPort(SpidevSystem system, SpidevPath path, int transferLimit, uint initialHz, uint maximumHz)
        {
            ArgumentNullException.ThrowIfNull(system);
            _system = system;
            _path = path;
            _maximumHz = Math.Max(maximumHz, MinimumHz);
            TransferLimit = transferLimit;
            Frequency = Clamp(initialHz);
            _device = system.Open(path, Frequency);
        }

        /// <summary>spidev's bufsiz: one transfer, one kernel chip-select cycle, at most this many bytes.</summary>
        public int TransferLimit { get; }

        public uint Frequency { get; private set; }

        public string DevicePath => _path.ToString();

        /// <summary>Transfers made so far.</summary>
        public long Transfers { get; private set; }

        public uint SetFrequency(uint requestedHz)
        {
            uint granted = Clamp(requestedHz);
            if (granted != Frequency)
            {
                _device.Dispose();
                _device = _system.Open(_path, granted);
                Frequency = granted;
            }

            return granted;
        }

        /// <summary>One transfer: clocks <paramref name="output"/> out, what comes in lands in <paramref name="input"/> (same length).</summary>
        public void Transfer(ReadOnlySpan<byte> output, Span<byte> input)
        {
            Check(output.Length);
            _device.TransferFullDuplex(output, input);
            Transfers++;
        }

        /// <summary>One write-only transfer.</summary>
        public void Write(ReadOnlySpan<byte> output)
        {
            Check(output.Length);
            _device.Write(output);
            Transfers++;
        }

        public void Dispose() => _device.Dispose();

        private uint Clamp(uint hz) => Math.Clamp(hz, MinimumHz, _maximumHz);

        private void Check(int length)
        {
            if (length > TransferLimit)
            {
                throw new InvalidOperationException(length + " bytes in one transfer on " + DevicePath + ", which moves at most " + TransferLimit + " (spidev bufsiz).");
            }
        }
    }
}
