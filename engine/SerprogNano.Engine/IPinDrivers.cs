namespace SerprogNano.Engine
{
    /// <summary>The output drivers of the lines to the flash chip (MOSI, CLK, CS).</summary>
    public interface IPinDrivers
    {
        /// <summary>Drives the lines: CS high (deselected), CLK and MOSI as SPI outputs.</summary>
        void Drive();

        /// <summary>Turns the lines into inputs (high impedance) so the target board can own its flash.</summary>
        void Release();
    }
}
