namespace SerprogNano.Protocol
{
    /// <summary>Bus type flags of Q_BUSTYPE and S_BUSTYPE.</summary>
    public static class BusType
    {
        public const byte Parallel = 0x01;
        public const byte Lpc = 0x02;
        public const byte Fwh = 0x04;
        public const byte Spi = 0x08;
    }
}
