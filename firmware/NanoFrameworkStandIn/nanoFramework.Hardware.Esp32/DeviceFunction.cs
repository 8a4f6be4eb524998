namespace nanoFramework.Hardware.Esp32
{
    /// <summary>The functions the board profiles route, with the real enum's values.</summary>
    public enum DeviceFunction
    {
        SPI1_MOSI = 65792,
        SPI1_MISO = 65793,
        SPI1_CLOCK = 65794,
        SPI2_MOSI = 66048,
        SPI2_MISO = 66049,
        SPI2_CLOCK = 66050,
        COM1_TX = 196864,
        COM1_RX = 196865,
        COM2_TX = 197120,
        COM2_RX = 197121,
    }
}
