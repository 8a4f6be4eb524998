namespace SerprogNano.Engine
{
    /// <summary>The byte link to the host: a UART, USB CDC, a TCP connection or an in-process pipe.</summary>
    public interface ISerialLink
    {
        /// <summary>
        /// Reads up to <paramref name="count"/> bytes. Returns how many arrived (at least 1),
        /// 0 when none arrived within the link's frame time-out, or -1 once the link is closed.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends the bytes as one write, so that a reply leaves in one piece.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
