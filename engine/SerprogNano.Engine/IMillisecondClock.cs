namespace SerprogNano.Engine
{
    /// <summary>A clock that only counts up, for the time-out of O_NANO_SPIOP_WAIT, and a way to wait on it.</summary>
    public interface IMillisecondClock
    {
        /// <summary>Milliseconds since some fixed moment; only differences count.</summary>
        long Milliseconds { get; }

        /// <summary>Gives the processor away for about this long (at least a millisecond; the scheduler's tick may make it more).</summary>
        void Sleep(int milliseconds);
    }
}
