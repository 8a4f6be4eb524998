using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>A chip that only knows RDID and records every command it was sent, for client tests.</summary>
    internal sealed class IdOnlyChip : ISpiTarget
    {
        private readonly byte[] _id;
        private readonly List<byte> _current = new();
        private int _clocked;

        public IdOnlyChip(byte manufacturer, byte type, byte capacity)
        {
            _id = new[] { manufacturer, type, capacity };
        }

        /// <summary>Bytes clocked out by the host in each completed chip-select cycle.</summary>
        public List<byte[]> Commands { get; } = new();

        public void Select()
        {
            _current.Clear();
            _clocked = 0;
        }

        public void Deselect() => Commands.Add(_current.ToArray());

        public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            for (int i = 0; i < mosi.Length; i++, _clocked++)
            {
                _current.Add(mosi[i]);
                bool idPhase = _current.Count > 0 && _current[0] == SpiNorOpcodes.ReadJedecId && _clocked >= 1 && _clocked <= 3;
                miso[i] = idPhase ? _id[_clocked - 1] : (byte)0xFF;
            }
        }
    }
}
