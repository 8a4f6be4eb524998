using System.Collections.Generic;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>The <see cref="FrameBitFlip"/>s armed on a link, each counting the frames it matches over every connection until it has struck.</summary>
    internal sealed class FrameFlips
    {
        private readonly List<Armed> _armed = new();

        public int Count => _armed.Count;

        public IEnumerable<FrameBitFlip> Pending
        {
            get
            {
                foreach (Armed armed in _armed)
                {
                    yield return armed.Flip;
                }
            }
        }

        public void Add(FrameBitFlip flip) => _armed.Add(new Armed(flip));

        public void Clear() => _armed.Clear();

        /// <summary>Counts a frame seen at its opcode (<paramref name="spi"/> null) or at its SPI instruction; returns the flips due on it, which are then disarmed unless they repeat.</summary>
        public IReadOnlyList<FrameBitFlip> Due(int opcode, int? spi)
        {
            if (_armed.Count == 0)
            {
                return System.Array.Empty<FrameBitFlip>();
            }

            var due = new List<FrameBitFlip>();
            for (int i = _armed.Count - 1; i >= 0; i--)
            {
                Armed armed = _armed[i];
                if (armed.Flip.Matches(opcode, spi) && ++armed.Seen >= armed.Flip.Occurrence)
                {
                    due.Add(armed.Flip);
                    if (!armed.Flip.Repeats)
                    {
                        _armed.RemoveAt(i);
                    }
                }
            }

            return due;
        }

        private sealed class Armed(FrameBitFlip flip)
        {
            public FrameBitFlip Flip { get; } = flip;

            public int Seen { get; set; }
        }
    }
}
