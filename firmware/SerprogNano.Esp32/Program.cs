using System.Device.Gpio;
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
            SerialPortLink link = new SerialPortLink(SerialPortSetup.Open(board), FirmwareSettings.SerialReceiveBufferSize);
            Esp32SpiMaster spi = new Esp32SpiMaster(board, new GpioController(), settings.BufferSize);
            SerprogEngine engine = new SerprogEngine(link, spi, spi, spi, settings);

            // A UART never closes, so this serves until power-off.
            engine.Run();
        }
    }
}
