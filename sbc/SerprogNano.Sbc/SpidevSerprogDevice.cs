using System;
using SerprogNano.Engine.Hosting.Board;
using SerprogNano.Engine;

namespace SerprogNano.Sbc
{
    /// <summary>
    /// A serprog programmer made of a board's spidev node: the firmware's engine, unchanged, on
    /// <see cref="SpidevPort"/> with spidev's chip select or a GPIO one. One connection is served at a time.
    /// </summary>
    public sealed class SpidevSerprogDevice : IDisposable
    {
        private readonly object _serving = new();
        private readonly ISpiBus _bus;
        private readonly IPinDrivers _pins;

        public SpidevSerprogDevice(SpidevPort port, IChipSelectLine? gpioChipSelect)
        {
            ArgumentNullException.ThrowIfNull(port);
            Port = port;
            _bus = gpioChipSelect == null ? new KernelChipSelectBus(port) : new GpioChipSelectBus(port, gpioChipSelect);
            _pins = new SbcPinDrivers(gpioChipSelect);
            Settings = gpioChipSelect == null ? SbcEngineSettings.ForKernelChipSelect(port.TransferLimit) : SbcEngineSettings.ForGpioChipSelect(port.TransferLimit);
        }

        public SpidevPort Port { get; }

        public EngineSettings Settings { get; }

        /// <summary>Runs a fresh engine on the link until it closes (the engine releases the pins then).</summary>
        public void Serve(ISerialLink link)
        {
            lock (_serving)
            {
                // With spidev's own chip select a CRC block (command and data under one select) would not fit one
                // transfer: that bus offers serprog v1 only, and the host keeps its v1 path.
                bool extensions = _bus is GpioChipSelectBus;
                new SerprogEngine(link, _bus, Port, _pins, Settings, extensions ? new SystemCrc32() : null, extensions ? new SystemMillisecondClock() : null).Run();
            }
        }

        public void Dispose() => Port.Dispose();
    }
}
