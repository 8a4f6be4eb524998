using System;
using System.Device.Spi;
using System.IO;

namespace SerprogNano.Spidev
{
    /// <summary>
    /// An opened spidev node and its bufsiz: each transfer is one kernel chip-select cycle, and one larger than
    /// bufsiz is refused here, whole, before the kernel would fail it (EMSGSIZE). The linux_spi programmer and the
    /// SBC server both transfer through it.
    /// </summary>
    public sealed class SpidevConnection : IDisposable
    {
        private readonly SpiDevice _device;

        /// <param name="transferLimit">spidev's bufsiz (<see cref="SpidevSystem.ReadBufferSize"/>).</param>
        public SpidevConnection(SpiDevice device, string devicePath, int transferLimit)
        {
            ArgumentNullException.ThrowIfNull(device);
            _device = device;
            DevicePath = devicePath;
            TransferLimit = transferLimit;
        }

        public string DevicePath { get; }

        /// <summary>spidev's bufsiz: the most bytes one transfer (one chip-select cycle) may clock.</summary>
        public int TransferLimit { get; }

        /// <summary>The clock the node was opened with.</summary>
        public uint ClockHz => (uint)_device.ConnectionSettings.ClockFrequency;

        /// <summary>Throws unless <paramref name="length"/> bytes fit one transfer; <paramref name="label"/> names the command.</summary>
        public void RequireOneTransfer(int length, string? label)
        {
            if (length > TransferLimit)
            {
                // Splitting would raise chip select in the middle of the command.
                throw new InvalidOperationException((label ?? "An SPI command") + " needs " + length + " bytes under one chip select; "
                    + DevicePath + " moves at most " + TransferLimit + " (spidev bufsiz).");
            }
        }

        /// <summary>One full-duplex transfer: clocks <paramref name="output"/> out, what comes in lands in <paramref name="input"/> (same length).</summary>
        public void Transfer(ReadOnlySpan<byte> output, Span<byte> input, string? label = null)
        {
            RequireOneTransfer(output.Length, label);
            try
            {
                _device.TransferFullDuplex(output, input);
            }
            catch (IOException e)
            {
                throw Failed(label, e);
            }
        }

        /// <summary>One write-only transfer.</summary>
        public void Write(ReadOnlySpan<byte> output, string? label = null)
        {
            RequireOneTransfer(output.Length, label);
            try
            {
                _device.Write(output);
            }
            catch (IOException e)
            {
                throw Failed(label, e);
            }
        }

        public void Dispose() => _device.Dispose();

        private IOException Failed(string? label, IOException e) =>
            new((label ?? "SPI transfer") + " on " + DevicePath + " failed: " + e.Message, e);
    }
}
