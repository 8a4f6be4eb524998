using System;
using System.Device.Spi;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// A stand-in for .NET IoT's UnixSpiDevice wired to an emulated chip. Like spidev it refuses a
    /// transfer above bufsiz (here by failing the test), and with the kernel's chip select every
    /// transfer is exactly one select-exchange-deselect of the chip.
    /// </summary>
    public sealed class EmulatedSpidevDevice : SpiDevice
    {
        private readonly ISpiTarget _chip;
        private readonly SpiConnectionSettings _settings;
        private readonly SpidevCounters _counters;

        public EmulatedSpidevDevice(ISpiTarget chip, SpiConnectionSettings settings, int bufferSize, bool kernelChipSelect, SpidevCounters counters)
        {
            _chip = chip;
            _settings = settings;
            BufferSize = bufferSize;
            KernelChipSelect = kernelChipSelect;
            _counters = counters;
        }

        public int BufferSize { get; }

        /// <summary>False when a GPIO drives the chip's select line and spidev's own is left unconnected.</summary>
        public bool KernelChipSelect { get; }

        public bool Disposed { get; private set; }

        public override SpiConnectionSettings ConnectionSettings => _settings;

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            if (writeBuffer.Length != readBuffer.Length)
            {
                throw new ArgumentException("spidev's full-duplex buffers have one length.");
            }

            Transfer(writeBuffer, readBuffer);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Transfer(buffer, new byte[buffer.Length]);

        public override void Read(Span<byte> buffer) => Transfer(new byte[buffer.Length], buffer);

        public override void WriteByte(byte value) => Write(new[] { value });

        public override byte ReadByte()
        {
            var one = new byte[1];
            Read(one);
            return one[0];
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        private void Transfer(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            _counters.Record(mosi.Length, BufferSize);
            if (KernelChipSelect)
            {
                _chip.Select();
                _chip.Exchange(mosi, miso);
                _chip.Deselect();
            }
            else
            {
                _chip.Exchange(mosi, miso);
            }
        }
    }
}
