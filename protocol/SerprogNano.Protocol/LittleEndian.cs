namespace SerprogNano.Protocol
{
    /// <summary>serprog's little-endian integers on byte arrays with offsets.</summary>
    public static class LittleEndian
    {
        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }

        public static int ReadUInt24(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16);
        }

        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16)) | ((uint)buffer[offset + 3] << 24);
        }

        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        public static void WriteUInt24(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
        }

        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Q_WRNMAXLEN/Q_RDNMAXLEN carry 2^24 as 0.</summary>
        public static int DecodeMaxLength(int u24)
        {
            return u24 == 0 ? SerprogLimits.MaxLength24 : u24;
        }

        public static int EncodeMaxLength(int length)
        {
            return length >= SerprogLimits.MaxLength24 ? 0 : length;
        }
    }
}
