using System;
using System.Device.Gpio;
using SerprogNano.Engine;

namespace SerprogNano.Esp32
{
    /// <summary>Wires the serprog engine to the board this build was made for, then serves the host.</summary>
    public static class Program
    {
        public static void Main()
        {
#if DEBUG
            GcRuns.Start();
#endif
            BoardProfile board = BoardProfiles.Selected;
            EngineSettings settings = FirmwareSettings.ForBoard(board);
            GpioController gpio = new GpioController();
            SerialPortLink link;
            try
            {
                link = new SerialPortLink(SerialPortSetup.Open(board), FirmwareSettings.SerialReceiveBufferSize, settings.BufferSize, board.MaxBaudRate);
            }
            catch (Exception e)
            {
                // No link to the host: say why where a developer can see it, then blink instead of serving.
                Console.WriteLine(e.Message);
                StartupFailure.Show(gpio, board.LedPin);
                return;
            }

            Esp32SpiMaster spi = new Esp32SpiMaster(board, gpio, settings.BufferSize);
            SerprogEngine engine = new SerprogEngine(link, spi, spi, spi, settings, new NativeCrc32(), new UptimeClock());
            Serve(engine);
        }

        /// <summary>
        /// Serves until the link closes (a UART never does). An exception from the board layer loses the frame
        /// in progress (the host times out and resynchronises, as after a garbled byte) but not the programmer:
        /// the lines are released at once, so nothing is left driven against a running board, the rest of the
        /// frame is discarded, and serving goes on.
        /// </summary>
        private static void Serve(SerprogEngine engine)
        {
            while (true)
            {
                try
                {
                    engine.Run();
                    return;
                }
                catch (Exception e)
                {
                    Console.WriteLine("frame dropped: " + e.GetType().Name + " " + e.Message);
                    Recover(engine);
                }
            }
        }

        private static void Recover(SerprogEngine engine)
        {
            try
            {
                engine.RecoverFromFault();
            }
            catch (Exception e)
            {
                // Nothing better to do than to keep serving: the next S_PIN_STATE tries the lines again.
                Console.WriteLine("recovery from the fault failed: " + e.GetType().Name + " " + e.Message);
            }
        }
    }
}
