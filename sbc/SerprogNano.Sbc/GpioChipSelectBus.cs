using System;
using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Sbc
{
    /// <summary>
    /// The engine's SPI bus with chip select on a GPIO: the line stays low for as long as the engine
    /// says, so each Write or Read goes out as spidev transfers of up to bufsiz and any length streams.
    /// spidev still pulses its own chip-select pin, which stays unconnected.
    /// </summary>
    public sealed class GpioChipSelectBus : ISpiBus
    {
        private readonly SpidevPort _port;
        private readonly IChipSelectLine _chipSelect;
        private readonly byte[] _idle;
        private readonly byte[] _scratch;

        public GpioChipSelectBus(SpidevPort port, IChipSelectLine chipSelect)
        {
            ArgumentNullException.ThrowIfNull(port);
            ArgumentNullException.ThrowIfNull(chipSelect);
            _port = port;
            _chipSelect = chipSelect;
            _idle = new byte[port.TransferLimit];
            _idle.AsSpan().Fill(IdleBytes.Value);
            _scratch = new byte[port.TransferLimit];
        }

        public int ChipSelectCount => 1;

        public void SelectChip(int index)
        {
        }

        public void SetChipSelect(bool asserted) => _chipSelect.Set(asserted);

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int done = 0; done < count; done += _port.TransferLimit)
            {
                _port.Write(buffer.AsSpan(offset + done, Math.Min(_port.TransferLimit, count - done)));
            }
        }

        public void Read(byte[] buffer, int offset, int count)
        {
            for (int done = 0; done < count; done += _port.TransferLimit)
            {
                int chunk = Math.Min(_port.TransferLimit, count - done);
                _port.Transfer(_idle.AsSpan(0, chunk), buffer.AsSpan(offset + done, chunk));
            }
        }

        public void Exchange(byte[] buffer, int offset, int count)
        {
            for (int done = 0; done < count; done += _port.TransferLimit)
            {
                int chunk = Math.Min(_port.TransferLimit, count - done);
                Span<byte> data = buffer.AsSpan(offset + done, chunk);
                data.CopyTo(_scratch);
                _port.Transfer(_scratch.AsSpan(0, chunk), data);
            }
        }

        public void WriteCycle(byte[] buffer, int offset, int count) => ChipSelectCycle.Write(this, buffer, offset, count);

        public void ExchangeCycle(byte[] buffer, int offset, int count) => ChipSelectCycle.Exchange(this, buffer, offset, count);
    }
}
