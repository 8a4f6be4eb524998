using System;
using System.Globalization;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;

namespace SerprogNano.Cli.Bench
{
    /// <summary>Bytes moved in a time, next to the link's limit when it is known.</summary>
    public sealed class Throughput
    {
        public Throughput(long bytes, TimeSpan time, double? linkLimit, LinkCounts counts)
        {
            Bytes = bytes;
            Time = time;
            LinkLimit = linkLimit;
            RoundTrips = counts.RoundTrips;
            WaitPoints = counts.WaitPoints;
        }

        public long Bytes { get; }

        public TimeSpan Time { get; }

        /// <summary>Bytes per second the link can carry at most (baud/10), or null when unknown.</summary>
        public double? LinkLimit { get; }

        /// <summary>Times the host let the pipeline run empty to have every answer: each costs a whole round trip.</summary>
        public long RoundTrips { get; }

        /// <summary>Times the host stopped sending to wait for answers (a full device buffer, or a round trip).</summary>
        public long WaitPoints { get; }

        public double BytesPerSecond => Time.TotalSeconds > 0 ? Bytes / Time.TotalSeconds : 0;

        public double? FractionOfLimit => LinkLimit is double limit && limit > 0 ? BytesPerSecond / limit : null;

        public string Describe()
        {
            string text = ByteUnits.Size(Bytes) + " in " + ByteUnits.Duration(Time) + ": " + BytesPerSecond.ToString("N0", CultureInfo.InvariantCulture) + " B/s";
            if (FractionOfLimit is double fraction)
            {
                text += " = " + (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "% of the link's " + LinkLimit!.Value.ToString("N0", CultureInfo.InvariantCulture) + " B/s";
            }

            return text + ", " + RoundTrips + " round trips, " + WaitPoints + " wait points";
        }

        public JsonObject ToJson() => new()
        {
            ["bytes"] = Bytes,
            ["seconds"] = Time.TotalSeconds,
            ["bytesPerSecond"] = BytesPerSecond,
            ["linkLimitBytesPerSecond"] = LinkLimit,
            ["fractionOfLimit"] = FractionOfLimit,
            ["roundTrips"] = RoundTrips,
            ["waitPoints"] = WaitPoints,
        };
    }
}
