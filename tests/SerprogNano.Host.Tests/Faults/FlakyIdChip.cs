using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Host.Tests.Faults
{
    /// <summary>A chip behind a bad contact: every RDID answers a different capacity byte.</summary>
    internal sealed class FlakyIdChip : ISpiTarget
    {
        private byte _opcode;
        private int _clocked;
        private byte _capacity = 0x16;

        public void Select() => _clocked = 0;

        public void Deselect() => _capacity += _opcode == SpiNorOpcodes.ReadJedecId ? (byte)1 : (byte)0;

        public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            for (int i = 0; i < mosi.Length; i++, _clocked++)
            {
                _opcode = _clocked == 0 ? mosi[i] : _opcode;
                miso[i] = _opcode == SpiNorOpcodes.ReadJedecId && _clocked >= 1 && _clocked <= 3 ? new byte[] { 0xEF, 0x40, _capacity }[_clocked - 1] : (byte)0xFF;
            }
        }
    }
}
