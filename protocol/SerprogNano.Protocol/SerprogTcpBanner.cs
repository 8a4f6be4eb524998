namespace SerprogNano.Protocol
{
    /// <summary>What a SerprogNano TCP server sends instead of serprog replies, shared by the server and the client.</summary>
    public static class SerprogTcpBanner
    {
        /// <summary>
        /// The first bytes a refused client receives, then the address of the client being served and a
        /// newline. No serprog reply starts with 's' (0x73), so no client mistakes it for an answer.
        /// </summary>
        public const string Busy = "serprog busy: serving another client ";
    }
}
