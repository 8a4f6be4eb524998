using System.Device.Gpio;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The chip-select GPIOs, driven by the firmware rather than the SPI driver so that CS stays low
    /// across an O_SPIOP's write and read phases and all their chunks.
    /// </summary>
    /// <remarks>
    /// Levels change with <see cref="GpioPin.Toggle"/> only: a native call without arguments, so a /CS edge
    /// allocates nothing. <c>Write(PinValue)</c> would allocate on every edge (PinValue is a struct, and
    /// nanoFramework boxes every struct value it loads: nf-interpreter src/CLR/Core/Interpreter.cpp,
    /// Execute_LoadAndPromote clones a value type on every ldarg/ldloc/ldfld). Toggle inverts the level the
    /// native driver last set (targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp, CPU_GPIO_TogglePinState
    /// keeps it in pinStateStore), so this class knows each line's level: low right after SetPinMode(Output),
    /// then whatever its own toggles made it. Toggle does nothing on a pin that is not an output
    /// (src/System.Device.Gpio/..._GpioPin.cpp, Toggle___VOID), hence the <see cref="_driven"/> guard.
    /// </remarks>
    public sealed class ChipSelectLines
    {
        private readonly GpioController _gpio;
        private readonly int[] _pinNumbers;
        private readonly GpioPin[] _pins;
        private int _current;
        private bool _driven;
        private bool _asserted;

        /// <summary>Opens the lines released (inputs): the target's pull-up keeps its CS high.</summary>
        public ChipSelectLines(GpioController gpio, int[] pinNumbers)
        {
            _gpio = gpio;
            _pinNumbers = pinNumbers;
            _pins = new GpioPin[pinNumbers.Length];
            for (int i = 0; i < pinNumbers.Length; i++)
            {
                _pins[i] = gpio.OpenPin(pinNumbers[i], PinMode.Input);
            }
        }

        public int Count
        {
            get { return _pins.Length; }
        }

        public bool Asserted
        {
            get { return _asserted; }
        }

        /// <summary>Makes <paramref name="index"/> the line <see cref="Set"/> drives; the old one is deselected first.</summary>
        public void Select(int index)
        {
            if (index != _current)
            {
                Set(false);
                _current = index;
            }
        }

        /// <summary>Drives the current line low (asserted) or high; nothing while the lines are released.</summary>
        public void Set(bool asserted)
        {
            if (_driven && asserted != _asserted)
            {
                _pins[_current].Toggle();
                _asserted = asserted;
            }
        }

        /// <summary>The GPIO number of the current line.</summary>
        public int CurrentPin
        {
            get { return _pinNumbers[_current]; }
        }

        /// <summary>
        /// Closes the current line's GPIO (deselected, driven) so that an SPI device can take the pin as its own chip
        /// select: nanoFramework reserves a device's chip-select pin, and an open GpioPin holds the reservation
        /// (nf-interpreter src/System.Device.Spi/nanoHAL_Spi.cpp, nanoSPI_OpenDevice: CPU_GPIO_ReservePin). Closing
        /// makes it an input (src/System.Device.Gpio/..._GpioPin.cpp, DisposeNative: CPU_GPIO_DisablePin(pin,
        /// PinMode_Input)) until the device drives it high: the target's pull-up holds it meanwhile.
        /// </summary>
        public void HandOver()
        {
            _gpio.ClosePin(_pinNumbers[_current]);
            _pins[_current] = null;
        }

        /// <summary>
        /// Opens the current line's GPIO again, driven high, after the SPI device that had it closed. As in
        /// <see cref="Drive"/>, the line is low for one native call first: no clock edge comes meanwhile.
        /// </summary>
        public void TakeBack()
        {
            GpioPin pin = _gpio.OpenPin(_pinNumbers[_current], PinMode.Output);
            pin.Toggle();
            _pins[_current] = pin;
            _asserted = false;
        }

        /// <summary>Every line an output, deselected (high).</summary>
        /// <remarks>
        /// nanoFramework cannot latch a level before a pin becomes an output: GpioPin.Write throws on an input
        /// (src/System.Device.Gpio/..._GpioPin.cpp, Write: CLR_E_INVALID_PARAMETER unless the mode is an
        /// output) and SetPinMode(Output) drives the pin low first (targets/ESP32/_nanoCLR/System.Device.Gpio/
        /// cpu_gpio.cpp, CPU_GPIO_EnableOutputPin(pin, GpioPinValue_Low, ...)). So each line is low for one
        /// native call and a toggle (tens of microseconds on the chip). That is harmless: MOSI and CLK are
        /// still released here (the SPI device opens after this), so the chip sees /CS fall and rise with no
        /// clock edge, and a 25xx part starts nothing without a whole instruction byte clocked in.
        /// </remarks>
        public void Drive()
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                _pins[i].SetPinMode(PinMode.Output);
                _pins[i].Toggle();
            }

            _driven = true;
            _asserted = false;
        }

        /// <summary>Every line an input (high impedance).</summary>
        public void Release()
        {
            _driven = false;
            _asserted = false;
            for (int i = 0; i < _pins.Length; i++)
            {
                _pins[i].SetPinMode(PinMode.Input);
            }
        }
    }
}
