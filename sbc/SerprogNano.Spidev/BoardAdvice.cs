using System;

namespace SerprogNano.Spidev
{
    /// <summary>What the end-user guide teaches about each board, said at the moment it matters.</summary>
    public static class BoardAdvice
    {
        /// <summary>The guide: "On BBB, never use a speed higher than spispeed=512".</summary>
        public const uint BeagleBoneMaxHz = 512_000;

        /// <summary>Reads <c>/proc/device-tree/model</c>'s text ("Raspberry Pi 4 Model B Rev 1.4", "TI AM335x BeagleBone Black").</summary>
        public static BoardKind Identify(string? model)
        {
            if (string.IsNullOrEmpty(model))
            {
                return BoardKind.Other;
            }

            if (model.Contains("Raspberry Pi", StringComparison.OrdinalIgnoreCase))
            {
                return BoardKind.RaspberryPi;
            }

            if (model.Contains("BeagleBone", StringComparison.OrdinalIgnoreCase))
            {
                return BoardKind.BeagleBoneBlack;
            }

            return model.Contains("Libre Computer", StringComparison.OrdinalIgnoreCase) || model.Contains("S905X", StringComparison.OrdinalIgnoreCase)
                ? BoardKind.LePotato
                : BoardKind.Other;
        }

        /// <summary>A warning for a clock the board cannot keep up reliably, or null.</summary>
        public static string? ForClock(BoardKind board, uint hz)
        {
            if (board != BoardKind.BeagleBoneBlack || hz <= BeagleBoneMaxHz)
            {
                return null;
            }

            return "spispeed=" + (hz / 1000) + " is above 512 kHz on a BeagleBone Black, which the guide calls quite unstable there: "
                + "use spispeed=512 or lower (256 or 128 if it is still unstable), and take several dumps and compare their checksums before you write.";
        }

        /// <summary>Added to "no chip answers" on boards where the guide knows a further cause.</summary>
        public static string? ForBlankId(BoardKind board)
        {
            return board == BoardKind.RaspberryPi
                ? "On a Raspberry Pi the GPIO drive strength (8 mA by default) may be too weak for a chip whose board pulls against it: "
                    + "raise it to 16 mA with pigpio (sudo apt install pigpio; sudo pigpiod; pigs pads 0 16) and probe again."
                : null;
        }

        /// <summary>What to do when the spidev node does not exist.</summary>
        public static string ForMissingDevice(BoardKind board, string devicePath)
        {
            string how = board switch
            {
                BoardKind.RaspberryPi => "On a Raspberry Pi enable SPI with sudo raspi-config (Interface Options > SPI), reboot, and use /dev/spidev0.0.",
                BoardKind.BeagleBoneBlack => "On a BeagleBone Black mux the P9 pins to SPI as root: config-pin P9.17 spi_cs; config-pin P9.18 spi; "
                    + "config-pin P9.21 spi; config-pin P9.22 spi_sclk; then use /dev/spidev1.0.",
                _ => "Enable the board's SPI controller and the spidev driver (a device-tree overlay; raspi-config on a Raspberry Pi, "
                    + "config-pin P9.17 spi_cs, P9.18 spi, P9.21 spi, P9.22 spi_sclk on a BeagleBone Black).",
            };
            return devicePath + " does not exist: SPI is not enabled or the device has another name (ls /dev/spidev*). " + how;
        }
    }
}
