using System;

namespace SerprogNano.Esp32
{
    /// <summary>The bytes MOSI sends while the firmware only reads: 0xFF, what an idle line reads as.</summary>
    public static class IdleBytes
    {
        public const byte Value = 0xFF;

        /// <summary>Fills the first <paramref name="count"/> bytes with log2(count) bulk copies, no per-byte loop.</summary>
        public static void Fill(byte[] buffer, int count)
        {
            if (count == 0)
            {
                return;
            }

            buffer[0] = Value;
            int filled = 1;
            while (filled < count)
            {
                int chunk = filled < count - filled ? filled : count - filled;
                Array.Copy(buffer, 0, buffer, filled, chunk);
                filled += chunk;
            }
        }
    }
}
