using System;

namespace SerprogNano.TestSupport
{
    /// <summary>Byte-array checks fast enough for whole chip images, naming the first offset that differs.</summary>
    public static class BytesAssert
    {
        public static void Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what = "bytes")
        {
            Assert.AreEqual(expected.Length, actual.Length, what + ": lengths differ");
            int same = expected.CommonPrefixLength(actual);
            if (same != expected.Length)
            {
                Assert.Fail($"{what} differ first at offset 0x{same:X}: expected 0x{expected[same]:X2}, got 0x{actual[same]:X2}");
            }
        }

        public static void AllAre(byte value, ReadOnlySpan<byte> actual, string what = "bytes")
        {
            int other = actual.IndexOfAnyExcept(value);
            if (other >= 0)
            {
                Assert.Fail($"{what}: byte at offset 0x{other:X} is 0x{actual[other]:X2}, not 0x{value:X2}");
            }
        }
    }
}
