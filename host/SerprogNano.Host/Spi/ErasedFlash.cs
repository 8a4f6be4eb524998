using System;
using System.IO.Hashing;

namespace SerprogNano.Host.Spi
{
    /// <summary>What erased NOR flash reads as, and the CRC-32 by which a programmer's checksums (<see cref="IDeviceSideOperations"/>) tell it.</summary>
    public static class ErasedFlash
    {
        /// <summary>Every bit of an erased cell is 1.</summary>
        public const byte Value = 0xFF;

        /// <summary>The CRC-32 (IEEE, as System.IO.Hashing.Crc32) of <paramref name="length"/> erased bytes.</summary>
        public static uint Crc32Of(int length)
        {
            var erased = new byte[length];
            Array.Fill(erased, Value);
            return Crc32.HashToUInt32(erased);
        }
    }
}
