using SerprogNano.Host.Serprog;

namespace SerprogNano.Cli.Bench
{
    /// <summary>The client's round-trip and wait-point counters at one moment; the difference of two is what an operation cost.</summary>
    public readonly record struct LinkCounts(long RoundTrips, long WaitPoints)
    {
        public static LinkCounts Of(SerprogClient client) => new(client.RoundTrips, client.WaitPoints);

        public LinkCounts Since(LinkCounts earlier) => new(RoundTrips - earlier.RoundTrips, WaitPoints - earlier.WaitPoints);
    }
}
