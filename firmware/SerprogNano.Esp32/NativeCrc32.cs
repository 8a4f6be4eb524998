using System;
using System.IO.Hashing;
using SerprogNano.Engine;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The engine's CRC-32 on the ESP32: nanoFramework's Crc32, whose native runs the chip's ROM CRC. The engine
    /// keeps each call at 1 to 32,767 bytes from an offset below that, as the native's 16-bit arguments need.
    /// </summary>
    public sealed class NativeCrc32 : ICrc32
    {
        private readonly Crc32 _crc = new Crc32();

        public uint Current
        {
            get { return _crc.GetCurrentHashAsUInt32(); }
        }

        public void Reset()
        {
            _crc.Reset();
        }

        public void Append(byte[] buffer, int offset, int count)
        {
            // One SpanByte per chunk of up to the engine's whole buffer, not per byte.
            _crc.Append(new SpanByte(buffer, offset, count));
        }

        public uint Compute(byte[] buffer, int offset, int count)
        {
            return Crc32.HashToUInt32(new SpanByte(buffer, offset, count));
        }
    }
}
