using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using SerprogNano.Engine;

namespace SerprogNano.Esp32
{
    /// <summary>Routes and opens the board's serprog UART with the firmware's buffer and frame time-out.</summary>
    public static class SerialPortSetup
    {
        /// <exception cref="InvalidOperationException">The board's UART is not free (the message says what to do).</exception>
        public static SerialPort Open(BoardProfile board)
        {
            // COM1 (UART0) is missing from the list while nanoFramework's debugger uses it: on an S3 or C3 it moves
            // to the native USB port only when a host is connected there at boot (nf-interpreter
            // targets/ESP32/_common/WireProtocol_HAL_Interface.c, WP_Initialise; the SerialPort driver refuses UART0
            // under a UART wire protocol: targets/ESP32/_nanoCLR/System.IO.Ports/..._SerialPort.cpp, NativeInit).
            if (!IsListed(board.SerialPortName))
            {
                throw new InvalidOperationException(board.SerialPortName + " is not available to serprog on " + board.Name
                    + ". " + board.SerialPortHint);
            }

            Configuration.SetPinFunction(board.SerialTxPin, board.SerialTxFunction);
            Configuration.SetPinFunction(board.SerialRxPin, board.SerialRxFunction);
            SerialPort port = new SerialPort(board.SerialPortName, board.BaudRate);
            port.Handshake = Handshake.None;

            // Set before Open: the driver allocates the receive buffer there (ESP32: twice, for its ring and the IDF's).
            port.ReadBufferSize = FirmwareSettings.SerialReceiveBufferSize;
            port.ReadTimeout = EngineSettings.DefaultFrameTimeoutMilliseconds;
            port.Open();

            // Out of reach, so that no DataReceived event is ever due: the driver's event task posts a managed
            // EVENT_SERIAL for every chunk that arrives while no Read is pending once the buffer holds at least
            // this many bytes, and the threshold it starts with is 0 (nf-interpreter targets/ESP32/_nanoCLR/
            // System.IO.Ports/..._SerialPort.cpp, uart_event_task_sys). After Open: the setter may post one event
            // at once if the buffer already holds as many bytes.
            port.ReceivedBytesThreshold = int.MaxValue;
            return port;
        }

        private static bool IsListed(string portName)
        {
            string[] names = SerialPort.GetPortNames();
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == portName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
