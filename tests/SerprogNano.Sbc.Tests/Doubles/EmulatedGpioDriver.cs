using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Sbc.Tests.Doubles
{
    /// <summary>
    /// A .NET IoT GPIO driver with one pin wired to the chip's select: while that pin is an output,
    /// driving it low selects the chip and high ends the command; as an input it floats high.
    /// </summary>
    public sealed class EmulatedGpioDriver : GpioDriver
    {
        private readonly ISpiTarget _chip;
        private readonly int _chipSelectPin;
        private readonly Dictionary<int, PinMode> _modes = new();
        private bool _selected;

        public EmulatedGpioDriver(ISpiTarget chip, int chipSelectPin)
        {
            _chip = chip;
            _chipSelectPin = chipSelectPin;
        }

        /// <summary>Every mode the select pin was given, in order.</summary>
        public List<PinMode> ChipSelectModes { get; } = new();

        /// <summary>Times the chip saw chip select fall.</summary>
        public int Selections { get; private set; }

        public PinValue ChipSelectLevel => _selected ? PinValue.Low : PinValue.High;

        protected override int PinCount => 28;

        protected override void OpenPin(int pinNumber) => _modes[pinNumber] = PinMode.Input;

        protected override void ClosePin(int pinNumber) => _modes.Remove(pinNumber);

        protected override void SetPinMode(int pinNumber, PinMode mode)
        {
            _modes[pinNumber] = mode;
            if (pinNumber == _chipSelectPin)
            {
                ChipSelectModes.Add(mode);
                if (mode == PinMode.Input)
                {
                    Drive(PinValue.High);
                }
            }
        }

        protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
        {
            SetPinMode(pinNumber, mode);
            Write(pinNumber, initialValue);
        }

        protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

        protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.Output;

        protected override PinValue Read(int pinNumber) => pinNumber == _chipSelectPin ? ChipSelectLevel : PinValue.High;

        protected override void Toggle(int pinNumber) => Write(pinNumber, Read(pinNumber) == PinValue.High ? PinValue.Low : PinValue.High);

        protected override void Write(int pinNumber, PinValue value)
        {
            if (pinNumber == _chipSelectPin && _modes.GetValueOrDefault(pinNumber) == PinMode.Output)
            {
                Drive(value);
            }
        }

        protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
        {
            throw new NotSupportedException("Chip select is never waited on.");
        }

        protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            throw new NotSupportedException("Chip select raises no events.");
        }

        protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
        {
            throw new NotSupportedException("Chip select raises no events.");
        }

        private void Drive(PinValue value)
        {
            bool select = value == PinValue.Low;
            if (select == _selected)
            {
                return;
            }

            _selected = select;
            if (select)
            {
                Selections++;
                _chip.Select();
            }
            else
            {
                _chip.Deselect();
            }
        }
    }
}
