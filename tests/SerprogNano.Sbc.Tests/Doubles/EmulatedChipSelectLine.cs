using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Sbc.Tests.Doubles
{
    /// <summary>A GPIO wired to the chip's select pin: falling selects it, rising ends the command.</summary>
    public sealed class EmulatedChipSelectLine : IChipSelectLine
    {
        private readonly ISpiTarget _chip;
        private bool _low;

        public EmulatedChipSelectLine(ISpiTarget chip)
        {
            _chip = chip;
        }

        public bool Driven { get; private set; }

        public int Selections { get; private set; }

        public void Drive()
        {
            Driven = true;
            Set(false);
        }

        public void Set(bool asserted)
        {
            if (!Driven || asserted == _low)
            {
                return;
            }

            _low = asserted;
            if (asserted)
            {
                Selections++;
                _chip.Select();
            }
            else
            {
                _chip.Deselect();
            }
        }

        public void Release()
        {
            Set(false);
            Driven = false;
        }
    }
}
