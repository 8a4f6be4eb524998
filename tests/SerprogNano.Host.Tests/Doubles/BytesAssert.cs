using System;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>Compares byte arrays of megabytes quickly and names the first difference.</summary>
    internal static class BytesAssert
    {
        public static void Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what = "bytes")
        {
            Assert.AreEqual(expected.Length, actual.Length, what + ": lengths differ");
            int same = expected.CommonPrefixLength(actual);
            if (same != expected.Length)
            {
                Assert.Fail(what + " differ first at 0x" + same.ToString("X") + ": expected 0x" + expected[same].ToString("X2") + ", got 0x" + actual[same].ToString("X2"));
            }
        }
    }
}
