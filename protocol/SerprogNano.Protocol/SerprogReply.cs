namespace SerprogNano.Protocol
{
    /// <summary>The two status bytes a device answers with.</summary>
    public static class SerprogReply
    {
        public const byte Ack = 0x06;
        public const byte Nak = 0x15;
    }
}
