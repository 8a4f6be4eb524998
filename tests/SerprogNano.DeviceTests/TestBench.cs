using System.Device.Gpio;
using SerprogNano.Esp32;

namespace SerprogNano.DeviceTests
{
    /// <summary>
    /// The board under test, opened once for every test class (a pin can be opened only once).
    /// Wiring: a jumper from MOSI to MISO and one from the serprog UART's TX to its RX; no chip on the clip.
    /// </summary>
    internal static class TestBench
    {
        private static GpioController _gpio;
        private static Esp32SpiMaster _spi;

        public static BoardProfile Board
        {
            get { return BoardProfiles.Selected; }
        }

        public static GpioController Gpio
        {
            get
            {
                Open();
                return _gpio;
            }
        }

        public static Esp32SpiMaster Spi
        {
            get
            {
                Open();
                return _spi;
            }
        }

        /// <summary>A recognisable pattern: byte i is i * 7 + 3, so a stuck or shifted bit shows.</summary>
        public static byte[] Pattern(int length)
        {
            byte[] pattern = new byte[length];
            for (int i = 0; i < length; i++)
            {
                pattern[i] = (byte)((i * 7) + 3);
            }

            return pattern;
        }

        private static void Open()
        {
            if (_spi == null)
            {
                _gpio = new GpioController();
                _spi = new Esp32SpiMaster(BoardProfiles.Selected, _gpio, FirmwareSettings.DataBufferSize);
            }
        }
    }
}
