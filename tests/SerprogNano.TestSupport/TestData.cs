using System;

namespace SerprogNano.TestSupport
{
    /// <summary>Reproducible chip contents for tests.</summary>
    public static class TestData
    {
        public static byte[] RandomBytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }
    }
}
