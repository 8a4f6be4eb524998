using System;
using System.Device.Gpio;
using System.Device.Spi;
using nanoFramework.Hardware.Esp32;
using SerprogNano.Engine;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The engine's SPI master, clock and line drivers on an ESP32. One object because they share the
    /// SpiDevice: its clock is fixed at creation (a new frequency means a new device), and disposing the
    /// last device on a bus frees the bus and its pins, which is how MOSI and CLK are released.
    /// </summary>
    public sealed class Esp32SpiMaster : ISpiBus, ISpiClock, IPinDrivers
    {
        private readonly BoardProfile _board;
        private readonly GpioController _gpio;
        private readonly ChipSelectLines _chipSelects;
        private readonly ActivityLed _led;
        private readonly SpiConnectionSettings _settings;

        // What MOSI sends during a read (idle bytes), and the outgoing copy during a full-duplex exchange:
        // the driver's own half-duplex read would allocate two DMA buffers per call instead.
        private readonly byte[] _transmit;

        private SpiDevice _device;
        private GpioPin _releasedMosi;
        private GpioPin _releasedClock;

        /// <param name="transferSize">The largest count the engine passes (its buffer size).</param>
        public Esp32SpiMaster(BoardProfile board, GpioController gpio, int transferSize)
        {
            _board = board;
            _gpio = gpio;
            _chipSelects = new ChipSelectLines(gpio, board.ChipSelectPins);
            _led = new ActivityLed(gpio, board.LedPin);
            _transmit = new byte[transferSize];
            IdleBytes.Fill(_transmit, transferSize);

            // Chip select -1: the driver leaves CS alone and ChipSelectLines holds it.
            _settings = new SpiConnectionSettings(board.SpiBusId, -1);
            _settings.Mode = SpiMode.Mode0;
            _settings.DataBitLength = 8;
            _settings.DataFlow = DataFlow.MsbFirst;
            _settings.ClockFrequency = (int)ClockStepTable.Select(board.ClockSteps, board.DefaultClockHz);
        }

        public int ChipSelectCount
        {
            get { return _chipSelects.Count; }
        }

        public void SelectChip(int index)
        {
            _chipSelects.Select(index);
        }

        public void SetChipSelect(bool asserted)
        {
            _chipSelects.Set(asserted);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _device.Write(new SpanByte(buffer, offset, count));
        }

        public void Read(byte[] buffer, int offset, int count)
        {
            _device.TransferFullDuplex(new SpanByte(_transmit, 0, count), new SpanByte(buffer, offset, count));
        }

        public void Exchange(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _transmit, 0, count);
            _device.TransferFullDuplex(new SpanByte(_transmit, 0, count), new SpanByte(buffer, offset, count));
            IdleBytes.Fill(_transmit, count);
        }

        public uint SetFrequency(uint requestedHz)
        {
            uint granted = ClockStepTable.Select(_board.ClockSteps, requestedHz);
            if ((int)granted != _settings.ClockFrequency)
            {
                _settings.ClockFrequency = (int)granted;
                if (_device != null)
                {
                    ReopenDevice();
                }
            }

            return granted;
        }

        public void Drive()
        {
            _chipSelects.Drive();
            CloseReleasedLines();
            OpenDevice();
            _led.Show(true);
        }

        public void Release()
        {
            _chipSelects.Release();
            if (_device != null)
            {
                _device.Dispose();
                _device = null;
            }

            if (_releasedMosi == null)
            {
                _releasedMosi = _gpio.OpenPin(_board.MosiPin, PinMode.Input);
                _releasedClock = _gpio.OpenPin(_board.ClockPin, PinMode.Input);
            }

            _led.Show(false);
        }

        private void OpenDevice()
        {
            Configuration.SetPinFunction(_board.MosiPin, _board.MosiFunction);
            Configuration.SetPinFunction(_board.MisoPin, _board.MisoFunction);
            Configuration.SetPinFunction(_board.ClockPin, _board.ClockFunction);
            _device = SpiDevice.Create(_settings);
        }

        /// <summary>
        /// Opening a device clocks two dummy bytes, so chip select goes high around it even when
        /// S_CS_MODE holds it low: a chip must not take those bytes as a command.
        /// </summary>
        private void ReopenDevice()
        {
            bool held = _chipSelects.Asserted;
            if (held)
            {
                _chipSelects.Set(false);
            }

            _device.Dispose();
            OpenDevice();
            if (held)
            {
                _chipSelects.Set(true);
            }
        }

        private void CloseReleasedLines()
        {
            if (_releasedMosi != null)
            {
                _releasedMosi.Dispose();
                _releasedClock.Dispose();
                _releasedMosi = null;
                _releasedClock = null;
            }
        }
    }
}
