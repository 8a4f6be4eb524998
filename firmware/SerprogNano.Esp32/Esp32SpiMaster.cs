using System;
using System.Diagnostics;
using System.Device.Gpio;
using System.Device.Spi;
using nanoFramework.Hardware.Esp32;
using SerprogNano.Engine;
using IdleBytes = SerprogNano.Protocol.IdleBytes;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The engine's SPI master, clock and line drivers on an ESP32. One object because they share the
    /// SpiDevice: its clock is fixed at creation (a new frequency means a new device), and disposing the
    /// last device on a bus frees the bus and its pins (nf-interpreter src/System.Device.Spi/nanoHAL_Spi.cpp,
    /// nanoSPI_ReserveBusPins: opening the bus reserves MOSI, MISO and CLK, so they must not be open GPIOs then).
    /// Released, MOSI and CLK are never opened as GPIOs: the ESP32's GPIO driver arms an any-edge interrupt on
    /// every pin it configures (targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp, CPU_GPIO_SetDriveMode:
    /// GPIO_INTR_ANYEDGE), so a released CLK would take an interrupt per edge of the chipset clocking its own
    /// flash. Disposing the last device frees the bus, and ESP-IDF's spi_bus_free returns its pins to plain
    /// inputs (gpio_reset_pin: no output, no interrupt); before the first S_PIN_STATE(1) they are as the chip
    /// left them at reset, inputs too.
    /// Chip select has two drivers. A cycle of one transfer (WREN, a page program, a status poll, flashrom's short
    /// O_SPIOPs) goes through a second device that owns the line: its native frames the transfer with chip select
    /// (targets/ESP32/_nanoCLR/System.Device.Spi/cpu_spi.cpp, CPU_SPI_nWrite_nRead: CPU_GPIO_SetPinState before,
    /// CPU_GPIO_TogglePinState after), one driver call where a GpioPin costs two more. A cycle held across calls (a
    /// long read, S_CS_MODE) needs the line as a GpioPin, so the line changes hands when the kind of cycle changes:
    /// rarely (a write's page programs, then its verify's reads), never per operation.
    /// </summary>
    public sealed class Esp32SpiMaster : ISpiBus, ISpiClock, IPinDrivers
    {
        private readonly BoardProfile _board;
        private readonly ChipSelectLines _chipSelects;
        private readonly ActivityLed _led;
        private readonly SpiConnectionSettings _settings;
        private readonly SpiConnectionSettings _cycleSettings;

        // What MOSI sends during a read (idle bytes), and the outgoing copy during a full-duplex exchange:
        // the driver's own half-duplex read would allocate two DMA buffers per call instead (nf-interpreter
        // targets/ESP32/_nanoCLR/System.Device.Spi/cpu_spi.cpp, heap_caps_malloc(..., MALLOC_CAP_DMA) ~477-483).
        private readonly byte[] _transmit;

        // Out and in of a two-byte cycle (ExchangePair).
        private readonly byte[] _pairOut = new byte[2];
        private readonly byte[] _pairIn = new byte[2];

        // Chip select -1: the driver leaves CS alone and ChipSelectLines holds it. Open while the lines are driven; it
        // keeps the bus (and its pins) while the line changes hands.
        private SpiDevice _device;

        // Chip select on the current line, driven by the native around each transfer: open only while the line is
        // handed over (Cycles).
        private SpiDevice _cycleDevice;

        /// <param name="transferSize">The largest count the engine passes (its buffer size).</param>
        public Esp32SpiMaster(BoardProfile board, GpioController gpio, int transferSize)
        {
            _board = board;
            _chipSelects = new ChipSelectLines(gpio, board.ChipSelectPins);
            _led = new ActivityLed(gpio, board.LedPin);
            _transmit = new byte[transferSize];
            IdleBytes.Fill(_transmit, transferSize);

            _settings = ModeZero(board.SpiBusId);
            _settings.ClockFrequency = (int)ClockStepTable.Select(board.ClockSteps, board.DefaultClockHz);
            _cycleSettings = ModeZero(board.SpiBusId);
        }

        public int ChipSelectCount
        {
            get { return _chipSelects.Count; }
        }

        public void SelectChip(int index)
        {
            HoldChipSelect();
            _chipSelects.Select(index);
        }

        public void SetChipSelect(bool asserted)
        {
            // Handed over, the line is high between transfers already.
            if (asserted || _cycleDevice == null)
            {
                HoldChipSelect();
                _chipSelects.Set(asserted);
            }
        }

        // Each transfer allocates: SpiDevice takes SpanByte, a struct, which nanoFramework keeps on the heap and
        // clones whenever it is loaded (Interpreter.cpp, Execute_LoadAndPromote), and SpiDevice.Write turns its
        // null read buffer into another. No SpiDevice overload takes byte[] + offset + count, so this is the
        // floor: one SpanByte made here per buffer; a cached one would be cloned on every load all the same.
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

        public void WriteCycle(byte[] buffer, int offset, int count)
        {
            FrameChipSelect();
            _cycleDevice.Write(new SpanByte(buffer, offset, count));
        }

        public void ExchangeCycle(byte[] buffer, int offset, int count)
        {
            FrameChipSelect();
            if (count == 2)
            {
                ExchangePair(buffer, offset);
                return;
            }

            Array.Copy(buffer, offset, _transmit, 0, count);
            _cycleDevice.TransferFullDuplex(new SpanByte(_transmit, 0, count), new SpanByte(buffer, offset, count));
            IdleBytes.Fill(_transmit, count);
        }

        /// <summary>
        /// A two-byte cycle: an opcode and the register byte after it (every status poll of a program or erase, and
        /// flashrom's RDSR). Its own whole arrays take the one-argument SpanByte, which checks nothing, and need no copy
        /// into the transmit buffer or idle fill after (the IL it saves: docs/speed.md, FirmwareIlFigures).
        /// </summary>
        private void ExchangePair(byte[] buffer, int offset)
        {
            _pairOut[0] = buffer[offset];
            _pairOut[1] = buffer[offset + 1];
            _cycleDevice.TransferFullDuplex(new SpanByte(_pairOut), new SpanByte(_pairIn));
            buffer[offset] = _pairIn[0];
            buffer[offset + 1] = _pairIn[1];
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
            CloseDevice();
            OpenDevice();
            _led.Show(true);
        }

        public void Release()
        {
            HoldChipSelect();
            _chipSelects.Release();
            CloseDevice();
            _led.Show(false);
#if DEBUG
            // For the allocation figures (scripts/firmware-bench.sh): once per S_PIN_STATE(0), off the hot path.
            Debug.WriteLine("gc runs: " + GcRuns.Count.ToString());
#endif
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
            HoldChipSelect();
            bool held = _chipSelects.Asserted;
            if (held)
            {
                _chipSelects.Set(false);
            }

            CloseDevice();
            OpenDevice();
            if (held)
            {
                _chipSelects.Set(true);
            }
        }

        /// <summary>
        /// Hands the line to a device that frames each transfer with it, unless it has it already. Its native clocks
        /// two dummy bytes with chip select low when it opens (nanoSPI_OpenDevice): 00 00, no instruction on a 25xx
        /// part, ignored by a busy one.
        /// </summary>
        private void FrameChipSelect()
        {
            if (_cycleDevice == null)
            {
                _chipSelects.HandOver();
                _cycleSettings.ChipSelectLine = _chipSelects.CurrentPin;
                _cycleSettings.ClockFrequency = _settings.ClockFrequency;
                _cycleDevice = SpiDevice.Create(_cycleSettings);
            }
        }

        /// <summary>Takes the line back as a GpioPin (deselected) if a device had it, for a cycle held across calls.</summary>
        private void HoldChipSelect()
        {
            SpiDevice device = _cycleDevice;
            if (device != null)
            {
                _cycleDevice = null;
                device.Dispose();
                _chipSelects.TakeBack();
            }
        }

        /// <summary>A 25xx part's SPI mode 0, 8-bit MSB first; chip select -1: the driver leaves CS alone (ChipSelectLines holds it).</summary>
        private static SpiConnectionSettings ModeZero(int busId)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, -1);
            settings.Mode = SpiMode.Mode0;
            settings.DataBitLength = 8;
            settings.DataFlow = DataFlow.MsbFirst;
            return settings;
        }

        /// <summary>Null first: after a fault in Dispose the next Drive or Release must not dispose it again.</summary>
        private void CloseDevice()
        {
            SpiDevice device = _device;
            _device = null;
            if (device != null)
            {
                device.Dispose();
            }
        }
    }
}
