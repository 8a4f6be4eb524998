namespace SerprogNano.Host.Serprog.Transports
{
    /// <summary>A link with a line rate the host sets (a serial port), for O_NANO_SET_BAUD; TCP and in-process links have none.</summary>
    public interface IBaudRateTransport : IByteTransport
    {
        /// <summary>The rate the port runs at, in baud; setting it moves an open port to the new rate.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The port's driver cannot run at the rate.</exception>
        int BaudRate { get; set; }
    }
}
