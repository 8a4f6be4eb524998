namespace SerprogNano.Engine
{
    /// <summary>A clock that only counts up, for the time-out of O_NANO_SPIOP_WAIT.</summary>
    public interface IMillisecondClock
    {
        /// <summary>Milliseconds since some fixed moment; only differences count.</summary>
        long Milliseconds { get; }
    }
}
