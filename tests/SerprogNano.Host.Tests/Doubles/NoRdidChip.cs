using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>An emulated chip that leaves RDID (0x9F) unanswered, as old parts do: only REMS, RES and the rest.</summary>
    internal sealed class NoRdidChip : ISpiTarget
    {
        private readonly EmulatedSpiNor _chip;
        private bool _first;
        private bool _rdid;

        public NoRdidChip(EmulatedSpiNor chip)
        {
            _chip = chip;
        }

        public void Select()
        {
            _first = true;
            _rdid = false;
            _chip.Select();
        }

        public void Deselect() => _chip.Deselect();

        public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            if (_first && mosi.Length > 0)
            {
                _rdid = mosi[0] == SpiNorOpcodes.ReadJedecId;
                _first = false;
            }

            if (_rdid)
            {
                miso.Fill(0xFF);
                return;
            }

            _chip.Exchange(mosi, miso);
        }
    }
}
