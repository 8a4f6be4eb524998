using nanoFramework.Hardware.Esp32;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// Everything that differs between boards, as data: the firmware's code is the same for all of them.
    /// Pins are GPIO numbers; a profile must keep clear of the pins that wire the module's own flash,
    /// strapping pins, input-only pins (for outputs), the native USB pins and the debugger's UART.
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>The board as the README names it.</summary>
        public string Name { get; set; }

        /// <summary>Q_PGMNAME: at most 16 ASCII characters.</summary>
        public string ProgrammerName { get; set; }

        /// <summary>nanoFramework's SPI bus number (1 is SPI1_* in <see cref="DeviceFunction"/>).</summary>
        public int SpiBusId { get; set; }

        public int MosiPin { get; set; }

        public int MisoPin { get; set; }

        public int ClockPin { get; set; }

        public DeviceFunction MosiFunction { get; set; }

        public DeviceFunction MisoFunction { get; set; }

        public DeviceFunction ClockFunction { get; set; }

        /// <summary>One GPIO per chip-select line; S_SPI_CS picks the index.</summary>
        public int[] ChipSelectPins { get; set; }

        /// <summary>Activity LED (lit while the programmer drives the lines), or -1 for none.</summary>
        public int LedPin { get; set; }

        /// <summary>The UART for serprog, never the one nanoFramework's debugger uses.</summary>
        public string SerialPortName { get; set; }

        /// <summary>What to do when that UART is not available (the start-up failure message ends with it).</summary>
        public string SerialPortHint { get; set; }

        public int SerialTxPin { get; set; }

        public int SerialRxPin { get; set; }

        public DeviceFunction SerialTxFunction { get; set; }

        public DeviceFunction SerialRxFunction { get; set; }

        public int BaudRate { get; set; }

        /// <summary>The fastest rate O_NANO_SET_BAUD may move the serprog UART to.</summary>
        public int MaxBaudRate { get; set; }

        /// <summary>Frequencies S_SPI_FREQ may grant, highest first: 80 MHz divided by a whole number.</summary>
        public uint[] ClockSteps { get; set; }

        /// <summary>The clock until the host asks for another (flashprog only does with spispeed=).</summary>
        public uint DefaultClockHz { get; set; }
    }
}
