using System;
using System.Text;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Engine.Tests
{
    /// <summary>
    /// A test double on the far end of the SPI bus: it logs chip-select edges and MOSI bytes, and answers
    /// with a known pattern (byte i of a selection = i * 7 + 3) so read data can be checked anywhere in a stream.
    /// </summary>
    internal sealed class RecordingSpiTarget : ISpiTarget
    {
        private static readonly byte[] Pattern = CreatePattern();
        private readonly StringBuilder _events = new();
        private long _positionInSelection;

        /// <summary>Logs only while the log stays small (big streams are counted, not stored).</summary>
        public int MosiLogLimit { get; set; } = 64 * 1024;

        public int Selects { get; private set; }

        public int Deselects { get; private set; }

        public bool Selected { get; private set; }

        public long BytesClocked { get; private set; }

        public int ExchangeCalls { get; private set; }

        public int LargestExchange { get; private set; }

        /// <summary>Edges and bytes as text: "S 9f 00 00 D" (S = select, D = deselect).</summary>
        public string Events => _events.ToString().Trim();

        /// <summary>Byte <paramref name="index"/> of a selection's MISO stream.</summary>
        public static byte PatternAt(long index) => Pattern[index % Pattern.Length];

        public void Select()
        {
            Selects++;
            Selected = true;
            _positionInSelection = 0;
            Log("S ");
        }

        public void Deselect()
        {
            Deselects++;
            Selected = false;
            Log("D ");
        }

        public void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso)
        {
            ExchangeCalls++;
            LargestExchange = Math.Max(LargestExchange, mosi.Length);
            BytesClocked += mosi.Length;
            if (_events.Length < MosiLogLimit)
            {
                foreach (byte b in mosi)
                {
                    _events.Append(b.ToString("x2")).Append(' ');
                }
            }

            int done = 0;
            while (done < miso.Length)
            {
                int start = (int)(_positionInSelection % Pattern.Length);
                int chunk = Math.Min(miso.Length - done, Pattern.Length - start);
                Pattern.AsSpan(start, chunk).CopyTo(miso[done..]);
                done += chunk;
                _positionInSelection += chunk;
            }
        }

        private void Log(string edge)
        {
            if (_events.Length < MosiLogLimit)
            {
                _events.Append(edge);
            }
        }

        private static byte[] CreatePattern()
        {
            var pattern = new byte[256];
            for (int i = 0; i < pattern.Length; i++)
            {
                pattern[i] = (byte)(i * 7 + 3);
            }

            return pattern;
        }
    }
}
