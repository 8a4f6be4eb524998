namespace SerprogNano.Engine
{
    /// <summary>The SPI clock generator.</summary>
    public interface ISpiClock
    {
        /// <summary>
        /// Sets the highest supported frequency at or below <paramref name="requestedHz"/>
        /// (the lowest supported one if none is) and returns what was set.
        /// </summary>
        uint SetFrequency(uint requestedHz);
    }
}
