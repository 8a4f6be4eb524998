using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Firmware.Tests.Harness
{
    /// <summary>
    /// A stand-in flash chip just real enough to count calls against: READ (0x03) returns the low byte of
    /// each address, RDSR (0x05) reports ready, PP (0x02) counts the bytes it is given, the rest is ignored.
    /// </summary>
    internal sealed class PatternFlash : ISpiTarget
    {
        private const int AddressEnd = 4;

        private int _position;
        private byte _command;
        private int _address;

        public long BytesProgrammed { get; private set; }

        public static byte ExpectedAt(int address) => (byte)address;

        public void Select()
        {
            _position = 0;
        }

        public void Deselect()
        {
        }

        public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            for (int i = 0; i < mosi.Length; i++, _position++)
            {
                miso[i] = 0xFF;
                if (_position == 0)
                {
                    _command = mosi[i];
                    _address = 0;
                }
                else if (_position < AddressEnd)
                {
                    _address = (_address << 8) | mosi[i];
                }

                switch (_command)
                {
                    case SpiNorOpcodes.Read when _position >= AddressEnd:
                        miso[i] = ExpectedAt(_address + _position - AddressEnd);
                        break;
                    case SpiNorOpcodes.ReadStatus when _position > 0:
                        miso[i] = 0x00;
                        break;
                    case SpiNorOpcodes.PageProgram when _position >= AddressEnd:
                        BytesProgrammed++;
                        break;
                }
            }
        }
    }
}
