using SerprogNano.Engine;

namespace SerprogNano.Sbc
{
    /// <summary>
    /// The engine's line drivers on a board: a GPIO chip select is driven and released here. MOSI and
    /// CLK (and spidev's own chip select) stay with the kernel's SPI controller, which spidev cannot
    /// tri-state; with spidev's chip select the flash stays deselected between transfers.
    /// </summary>
    public sealed class SbcPinDrivers : IPinDrivers
    {
        private readonly IChipSelectLine? _chipSelect;

        public SbcPinDrivers(IChipSelectLine? chipSelect)
        {
            _chipSelect = chipSelect;
        }

        public void Drive() => _chipSelect?.Drive();

        public void Release() => _chipSelect?.Release();
    }
}
