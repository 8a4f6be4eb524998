namespace SerprogNano.Engine
{
    /// <summary>
    /// The board's CRC-32 (IEEE 802.3, as System.IO.Hashing.Crc32) for O_NANO_CRC32: native code on the
    /// ESP32, System.IO.Hashing on the PC, so the engine never runs a per-byte loop of its own.
    /// </summary>
    public interface ICrc32
    {
        /// <summary>Starts a new checksum.</summary>
        void Reset();

        /// <summary>
        /// Adds bytes to the checksum. The engine passes 1 to <see cref="SerprogEngine.MaxCrcChunk"/> bytes
        /// at an offset below that too: the ESP32's native hands both to the ROM CRC as 16-bit values.
        /// </summary>
        void Append(byte[] buffer, int offset, int count);

        /// <summary>The checksum of the bytes added since <see cref="Reset"/>.</summary>
        uint Current { get; }

        /// <summary>
        /// The checksum of these bytes alone (what <see cref="Reset"/>, <see cref="Append"/> and <see cref="Current"/>
        /// give), in one call: a block or sparse-read piece that is whole in the buffer. Same limits as Append.
        /// </summary>
        uint Compute(byte[] buffer, int offset, int count);
    }
}
