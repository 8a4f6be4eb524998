using System;

namespace SerprogNano.Protocol
{
    /// <summary>
    /// The bytes MOSI sends while a programmer only reads: 0xFF, what an idle line reads as. Every SPI master here
    /// sends them, on the device (engine, ESP32, SBC, emulated bus) and on the host (linux_spi).
    /// </summary>
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
