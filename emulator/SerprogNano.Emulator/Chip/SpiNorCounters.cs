using System.Collections.Generic;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>What the chip has been asked to do, for tests to assert on. Not thread-safe: the chip guards it.</summary>
    internal sealed class SpiNorCounters
    {
        private readonly long[] _commands = new long[256];
        private readonly Dictionary<int, long> _erasesBySize = new();

        public long PagePrograms { get; set; }

        public long AaiWordPrograms { get; set; }

        public long ChipErases { get; set; }

        public long StatusWrites { get; set; }

        public long BytesRead { get; set; }

        public long Commands(byte opcode) => _commands[opcode];

        public void CommandSeen(byte opcode) => _commands[opcode]++;

        public long Erases(int blockSize) => _erasesBySize.GetValueOrDefault(blockSize);

        public void Erased(int blockSize) => _erasesBySize[blockSize] = Erases(blockSize) + 1;

        public void Reset()
        {
            System.Array.Clear(_commands);
            _erasesBySize.Clear();
            PagePrograms = 0;
            AaiWordPrograms = 0;
            ChipErases = 0;
            StatusWrites = 0;
            BytesRead = 0;
        }
    }
}
