using System.Device.Gpio;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The chip-select GPIOs, driven by the firmware rather than the SPI driver so that CS stays low
    /// across an O_SPIOP's write and read phases and all their chunks.
    /// </summary>
    public sealed class ChipSelectLines
    {
        private readonly GpioPin[] _pins;
        private int _current;
        private bool _asserted;

        /// <summary>Opens the lines released (inputs): the target's pull-up keeps its CS high.</summary>
        public ChipSelectLines(GpioController gpio, int[] pinNumbers)
        {
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

        public void Select(int index)
        {
            _current = index;
        }

        public void Set(bool asserted)
        {
            _pins[_current].Write(asserted ? PinValue.Low : PinValue.High);
            _asserted = asserted;
        }

        /// <summary>Every line an output, deselected (high).</summary>
        public void Drive()
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                // Latched first, so the line goes straight from released to high without a low glitch.
                _pins[i].Write(PinValue.High);
                _pins[i].SetPinMode(PinMode.Output);
            }

            _asserted = false;
        }

        /// <summary>Every line an input (high impedance).</summary>
        public void Release()
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                _pins[i].SetPinMode(PinMode.Input);
            }

            _asserted = false;
        }
    }
}
