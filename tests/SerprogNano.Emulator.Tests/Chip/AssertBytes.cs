using System;

namespace SerprogNano.Emulator.Tests.Chip
{
    /// <summary>Byte-array checks fast enough for whole chip images, naming the first offset that differs.</summary>
    internal static class AssertBytes
    {
        public static void Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
        {
            int same = expected.CommonPrefixLength(actual);
            if (same != expected.Length || expected.Length != actual.Length)
            {
                Assert.Fail($"Bytes differ at offset 0x{same:X} (lengths {expected.Length} and {actual.Length}).");
            }
        }

        public static void AllAre(byte value, ReadOnlySpan<byte> actual)
        {
            int other = actual.IndexOfAnyExcept(value);
            if (other >= 0)
            {
                Assert.Fail($"Byte at offset 0x{other:X} is 0x{actual[other]:X2}, not 0x{value:X2}.");
            }
        }
    }
}
