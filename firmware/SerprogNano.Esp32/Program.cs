using System.Device.Gpio;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using SerprogNano.Engine;

namespace SerprogNano.Esp32
{
    /// <summary>Wires the serprog engine to the board this build was made for, then serves the host.</summary>
    public static class Program
    {
        public static void Main()
        {
            BoardProfile board = BoardProfiles.Selected;
            EngineSettings settings = FirmwareSettings.ForBoard(board);

            Configuration.SetPinFunction(board.SerialTxPin, board.SerialTxFunction);
            Configuration.SetPinFunction(board.SerialRxPin, board.SerialRxFunction);
            SerialPort port = new SerialPort(board.SerialPortName, board.BaudRate);
            port.Handshake = Handshake.None;
            port.ReadBufferSize = FirmwareSettings.SerialReceiveBufferSize;
            port.ReadTimeout = FirmwareSettings.FrameTimeoutMilliseconds;
            port.Open();

            Esp32SpiMaster spi = new Esp32SpiMaster(board, new GpioController(), settings.BufferSize);
            SerprogEngine engine = new SerprogEngine(
                new SerialPortLink(port, FirmwareSettings.SerialReceiveBufferSize), spi, spi, spi, settings);

            // A UART never closes, so this serves until power-off.
            engine.Run();
        }
    }
}
