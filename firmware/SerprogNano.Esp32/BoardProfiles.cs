using System;
using nanoFramework.Hardware.Esp32;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The boards the firmware knows. The build picks one with the Board property of the .nfproj
    /// (ESP32, ESP32_S3, ESP32_S3_UART0 or ESP32_C3), which defines BOARD_ESP32_S3, BOARD_ESP32_S3_UART0 or BOARD_ESP32_C3.
    /// </summary>
    public static class BoardProfiles
    {
        private const int BaudRate = 2000000;

        /// <summary>
        /// An ESP32, S3 or C3 UART clocked from the 80 MHz APB clock divides it by at least 16: 5,000,000 baud at most.
        /// </summary>
        private const int MaxBaudRate = 5000000;
        private const uint DefaultClockHz = 8000000;
        private const string SecondAdapterHint = "Wire a USB-serial adapter to the serprog UART's pins; the debugger keeps its own port.";

        /// <summary>
        /// 80 MHz APB clock divided by 2, 3, 4, 5, 6, 8, 10, 16, 20, 40, 80, 160, 320, 800: each one the
        /// ESP32 SPI peripheral sets exactly, so the figure S_SPI_FREQ returns is the one on the wire.
        /// </summary>
        private static readonly uint[] ApbDividedSteps =
        {
            40000000, 26666666, 20000000, 16000000, 13333333, 10000000, 8000000,
            5000000, 4000000, 2000000, 1000000, 500000, 250000, 100000,
        };

        /// <summary>The profile this build was made for.</summary>
        public static BoardProfile Selected
        {
            get
            {
#if BOARD_ESP32_S3
                return Esp32S3DevKitC1();
#elif BOARD_ESP32_S3_UART0
                return Esp32S3DevKitC1Uart0();
#elif BOARD_ESP32_C3
                return Esp32C3DevKitM1();
#else
                return Esp32DevKitC();
#endif
            }
        }

        /// <summary>
        /// ESP32-DevKitC with ESP32-WROOM-32 (or WROVER: 16/17 stay free for its PSRAM).
        /// VSPI on its IO_MUX pins 18/19/23, so the clock may go to 40 MHz; CS on 4 and 22 (not strapping).
        /// The debugger owns UART0 (GPIO1/3, the board's USB port); serprog is COM2 (UART1) on 26/27.
        /// </summary>
        public static BoardProfile Esp32DevKitC()
        {
            return new BoardProfile
            {
                Name = "ESP32-DevKitC (ESP32-WROOM-32)",
                ProgrammerName = "SerprogNano-E32",
                SpiBusId = 2,
                MosiPin = 23,
                MisoPin = 19,
                ClockPin = 18,
                MosiFunction = DeviceFunction.SPI2_MOSI,
                MisoFunction = DeviceFunction.SPI2_MISO,
                ClockFunction = DeviceFunction.SPI2_CLOCK,
                ChipSelectPins = new int[] { 4, 22 },
                LedPin = 21,
                SerialPortName = "COM2",
                SerialPortHint = SecondAdapterHint,
                SerialTxPin = 26,
                SerialRxPin = 27,
                SerialTxFunction = DeviceFunction.COM2_TX,
                SerialRxFunction = DeviceFunction.COM2_RX,
                BaudRate = BaudRate,
                MaxBaudRate = MaxBaudRate,
                ClockSteps = StepsUpTo(40000000),
                DefaultClockHz = DefaultClockHz,
            };
        }

        /// <summary>
        /// ESP32-S3-DevKitC-1 (quad or octal PSRAM: 26-37 untouched). FSPI on its IO_MUX pins 11/12/13,
        /// CS on 10 and 14. The debugger owns the USB port and UART0 (43/44); serprog is COM2 (UART1) on 17/18.
        /// </summary>
        public static BoardProfile Esp32S3DevKitC1()
        {
            return new BoardProfile
            {
                Name = "ESP32-S3-DevKitC-1",
                ProgrammerName = "SerprogNano-S3",
                SpiBusId = 1,
                MosiPin = 11,
                MisoPin = 13,
                ClockPin = 12,
                MosiFunction = DeviceFunction.SPI1_MOSI,
                MisoFunction = DeviceFunction.SPI1_MISO,
                ClockFunction = DeviceFunction.SPI1_CLOCK,
                ChipSelectPins = new int[] { 10, 14 },
                LedPin = 21,
                SerialPortName = "COM2",
                SerialPortHint = SecondAdapterHint,
                SerialTxPin = 17,
                SerialRxPin = 18,
                SerialTxFunction = DeviceFunction.COM2_TX,
                SerialRxFunction = DeviceFunction.COM2_RX,
                BaudRate = BaudRate,
                MaxBaudRate = MaxBaudRate,
                ClockSteps = StepsUpTo(40000000),
                DefaultClockHz = DefaultClockHz,
            };
        }

        /// <summary>
        /// ESP32-S3-DevKitC-1 without a second adapter: serprog on the board's own USB-UART port (the "UART"
        /// connector, its bridge wired to UART0 on GPIO43 TX / 44 RX), the debugger on the native USB port
        /// ("USB", GPIO19/20). nanoFramework's S3 build puts the debugger on native USB only when a host is
        /// connected there at boot, and only then is COM1 free: plug both ports, then reset. SPI and CS as
        /// <see cref="Esp32S3DevKitC1"/>.
        /// </summary>
        public static BoardProfile Esp32S3DevKitC1Uart0()
        {
            BoardProfile board = Esp32S3DevKitC1();
            board.Name = "ESP32-S3-DevKitC-1 (serprog on the UART port)";
            board.ProgrammerName = "SerprogNano-S3U";
            board.SerialPortName = "COM1";
            board.SerialPortHint = "COM1 is free only while the debugger is on the native USB port: connect the board's"
                + " USB port to a host as well as its UART port, then press RST.";
            board.SerialTxPin = 43;
            board.SerialRxPin = 44;
            board.SerialTxFunction = DeviceFunction.COM1_TX;
            board.SerialRxFunction = DeviceFunction.COM1_RX;
            return board;
        }

        /// <summary>
        /// ESP32-C3-DevKitM-1. Its IO_MUX MISO would be GPIO2, a strapping pin, so SPI goes through the
        /// GPIO matrix (full duplex up to 26.7 MHz) on 5/6/7, CS on 10 and 3. The debugger owns the USB
        /// port and UART0 (20/21); serprog is COM2 (UART1) on 0/1.
        /// </summary>
        public static BoardProfile Esp32C3DevKitM1()
        {
            return new BoardProfile
            {
                Name = "ESP32-C3-DevKitM-1",
                ProgrammerName = "SerprogNano-C3",
                SpiBusId = 1,
                MosiPin = 7,
                MisoPin = 5,
                ClockPin = 6,
                MosiFunction = DeviceFunction.SPI1_MOSI,
                MisoFunction = DeviceFunction.SPI1_MISO,
                ClockFunction = DeviceFunction.SPI1_CLOCK,
                ChipSelectPins = new int[] { 10, 3 },
                LedPin = 4,
                SerialPortName = "COM2",
                SerialPortHint = SecondAdapterHint,
                SerialTxPin = 0,
                SerialRxPin = 1,
                SerialTxFunction = DeviceFunction.COM2_TX,
                SerialRxFunction = DeviceFunction.COM2_RX,
                BaudRate = BaudRate,
                MaxBaudRate = MaxBaudRate,
                ClockSteps = StepsUpTo(26666666),
                DefaultClockHz = DefaultClockHz,
            };
        }

        private static uint[] StepsUpTo(uint highestHz)
        {
            int first = 0;
            while (ApbDividedSteps[first] > highestHz)
            {
                first++;
            }

            uint[] steps = new uint[ApbDividedSteps.Length - first];
            Array.Copy(ApbDividedSteps, first, steps, 0, steps.Length);
            return steps;
        }
    }
}
