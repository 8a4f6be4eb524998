using System.IO.Ports;
using nanoFramework.Hardware.Esp32;

namespace SerprogNano.Esp32
{
    /// <summary>Routes and opens the board's serprog UART with the firmware's buffer and frame time-out.</summary>
    public static class SerialPortSetup
    {
        public static SerialPort Open(BoardProfile board)
        {
            Configuration.SetPinFunction(board.SerialTxPin, board.SerialTxFunction);
            Configuration.SetPinFunction(board.SerialRxPin, board.SerialRxFunction);
            SerialPort port = new SerialPort(board.SerialPortName, board.BaudRate);
            port.Handshake = Handshake.None;

            // Set before Open: the driver allocates the receive buffer there (ESP32: twice, for its ring and the IDF's).
            port.ReadBufferSize = FirmwareSettings.SerialReceiveBufferSize;
            port.ReadTimeout = FirmwareSettings.FrameTimeoutMilliseconds;
            port.Open();
            return port;
        }
    }
}
