namespace SerprogNano.Engine
{
    /// <summary>
    /// A link whose line rate the engine may change (a UART): the link itself implements it beside
    /// <see cref="ISerialLink"/>. Links without a rate (TCP, USB CDC, an in-process pipe) do not, and the engine then
    /// neither lists nor accepts O_NANO_SET_BAUD.
    /// </summary>
    public interface IBaudRateControl
    {
        /// <summary>The rate the line runs at now, in baud.</summary>
        int BaudRate { get; }

        /// <summary>The fastest rate the board's UART can run at (an ESP32: 5,000,000, its 80 MHz clock / 16).</summary>
        int MaxBaudRate { get; }

        /// <summary>
        /// Moves the line to <paramref name="baudRate"/> once every byte written so far has left the wire at the old
        /// rate, so that a reply is never cut by the switch.
        /// </summary>
        void ChangeBaudRate(int baudRate);
    }
}
