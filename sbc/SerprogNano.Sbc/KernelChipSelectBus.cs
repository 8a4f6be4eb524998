using System;
using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Sbc
{
    /// <summary>
    /// The engine's SPI bus with spidev's own chip select, which is low for exactly one transfer. The
    /// engine's write phase is held back until its read phase comes, and both go out as ONE full-duplex
    /// transfer (the read bytes are its tail); a write-only operation goes out when chip select rises.
    /// The engine settings of <see cref="SbcEngineSettings.ForKernelChipSelect"/> keep every O_SPIOP
    /// to one Write and one Read within one transfer; anything that would need a second transfer under
    /// the same chip select (S_CS_MODE "selected" across operations) is refused, never split.
    /// </summary>
    public sealed class KernelChipSelectBus : ISpiBus
    {
        private readonly SpidevPort _port;
        private readonly byte[] _out;
        private readonly byte[] _in;
        private int _pending;
        private bool _selected;
        private bool _transferred;

        public KernelChipSelectBus(SpidevPort port)
        {
            ArgumentNullException.ThrowIfNull(port);
            _port = port;
            _out = new byte[port.TransferLimit];
            _in = new byte[port.TransferLimit];
        }

        /// <summary>One node, one kernel chip-select line.</summary>
        public int ChipSelectCount => 1;

        public void SelectChip(int index)
        {
        }

        public void SetChipSelect(bool asserted)
        {
            if (asserted == _selected)
            {
                return;
            }

            if (!asserted && _pending > 0)
            {
                _port.Write(_out.AsSpan(0, _pending));
            }

            _selected = asserted;
            _pending = 0;
            _transferred = false;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            RequireOpenWindow(_pending + count);
            buffer.AsSpan(offset, count).CopyTo(_out.AsSpan(_pending));
            _pending += count;
        }

        public void Read(byte[] buffer, int offset, int count)
        {
            int length = _pending + count;
            RequireOpenWindow(length);
            _out.AsSpan(_pending, count).Fill(IdleBytes.Value);
            _port.Transfer(_out.AsSpan(0, length), _in.AsSpan(0, length));
            _in.AsSpan(_pending, count).CopyTo(buffer.AsSpan(offset, count));
            _pending = 0;
            _transferred = true;
        }

        public void Exchange(byte[] buffer, int offset, int count)
        {
            RequireOpenWindow(_pending + count);
            if (_pending > 0)
            {
                throw new InvalidOperationException("A full-duplex exchange after a held-back write would need two transfers under one chip select.");
            }

            Span<byte> data = buffer.AsSpan(offset, count);
            data.CopyTo(_out);
            _port.Transfer(_out.AsSpan(0, count), data);
            _transferred = true;
        }

        private void RequireOpenWindow(int length)
        {
            if (!_selected)
            {
                throw new InvalidOperationException("SPI data with chip select high.");
            }

            if (_transferred || length > _port.TransferLimit)
            {
                // spidev would raise chip select in between: the chip would see two commands.
                throw new InvalidOperationException("This needs more than one spidev transfer under one chip select; serve with --cs-gpio to hold chip select on a GPIO.");
            }
        }

        public void WriteCycle(byte[] buffer, int offset, int count) => ChipSelectCycle.Write(this, buffer, offset, count);

        public void ExchangeCycle(byte[] buffer, int offset, int count) => ChipSelectCycle.Exchange(this, buffer, offset, count);
    }
}
