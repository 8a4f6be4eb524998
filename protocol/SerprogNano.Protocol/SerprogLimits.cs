namespace SerprogNano.Protocol
{
    /// <summary>Fixed sizes and values of serprog protocol version 1.</summary>
    public static class SerprogLimits
    {
        public const int InterfaceVersion = 1;
        public const int CommandMapLength = 32;
        public const int ProgrammerNameLength = 16;

        /// <summary>Largest length a u24 can describe; Q_WRNMAXLEN/Q_RDNMAXLEN encode it as 0.</summary>
        public const int MaxLength24 = 1 << 24;

        /// <summary>Q_SERBUF value of a device with working flow control.</summary>
        public const int FlowControlledSerialBuffer = 0xFFFF;

        /// <summary>Bytes of O_SPIOP's parameters before its data: u24 slen, u24 rlen.</summary>
        public const int SpiOperationHeaderLength = 6;
    }
}
