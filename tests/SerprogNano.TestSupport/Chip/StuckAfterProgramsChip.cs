using System;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// An emulated chip that stays busy from the end of its <c>n</c>th page program on (0: never), as a chip that died
    /// mid-write: for runs of waited operations that must stop at the one that times out.
    /// </summary>
    public sealed class StuckAfterProgramsChip(EmulatedSpiNor chip, int stuckAfterPrograms) : ISpiTarget
    {
        public void Select() => chip.Select();

        public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso) => chip.Exchange(mosi, miso);

        public void Deselect()
        {
            chip.Deselect();
            if (stuckAfterPrograms > 0 && chip.PagePrograms == stuckAfterPrograms)
            {
                chip.Faults.StuckBusy = true;
            }
        }
    }
}
