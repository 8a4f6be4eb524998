namespace SerprogNano.Protocol.Tests
{
    [TestClass]
    public sealed class IdleBytesTests
    {
        private const byte Untouched = 0x5A;

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(5)]
        [DataRow(4095)]
        [DataRow(4096)]
        public void Fills_exactly_the_first_count_bytes_with_0xFF(int count)
        {
            var buffer = new byte[count + 3];
            System.Array.Fill(buffer, Untouched);

            IdleBytes.Fill(buffer, count);

            for (int i = 0; i < buffer.Length; i++)
            {
                Assert.AreEqual(i < count ? (byte)0xFF : Untouched, buffer[i], "byte " + i);
            }
        }
    }
}
