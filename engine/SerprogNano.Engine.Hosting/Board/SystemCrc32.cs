using System;
using System.IO.Hashing;
using SerprogNano.Engine;

namespace SerprogNano.Engine.Hosting.Board
{
    /// <summary>The engine's CRC-32 on the PC (emulator, SBC server): System.IO.Hashing, the host's own CRC.</summary>
    public sealed class SystemCrc32 : ICrc32
    {
        private readonly Crc32 _crc = new();

        public uint Current => _crc.GetCurrentHashAsUInt32();

        public void Reset() => _crc.Reset();

        public void Append(byte[] buffer, int offset, int count) => _crc.Append(buffer.AsSpan(offset, count));

        public uint Compute(byte[] buffer, int offset, int count) => Crc32.HashToUInt32(buffer.AsSpan(offset, count));
    }
}
