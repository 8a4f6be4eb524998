using System;
using SerprogNano.Text;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// Reads the link faults of <c>serprog emulate --fault</c>: <c>drop-after=N</c>, <c>stall-after=N</c>
    /// (bytes from the host), <c>flip-rate=R[,direction=to-host|to-device|both][,seed=S]</c>,
    /// <c>delay-ms=N</c> and <c>split-writes</c>, several per option separated by commas.
    /// </summary>
    public static class LinkFaultText
    {
        public const string Syntax = "drop-after=N | stall-after=N | flip-rate=R[,direction=to-host|to-device|both][,seed=S] | delay-ms=N | split-writes";

        private static readonly string[] Keys = { "drop-after", "stall-after", "flip-rate", "direction", "seed", "delay-ms", "split-writes" };

        /// <summary>Applies one option's faults to <paramref name="faults"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
        public static void Apply(string text, LinkFaults faults)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentNullException.ThrowIfNull(faults);
            var items = new KeyValueList("--fault", text, Keys, "fault");
            if ((items.Has("direction") || items.Has("seed")) && !items.Has("flip-rate"))
            {
                throw new FormatException("--fault: direction= and seed= go with flip-rate=, e.g. flip-rate=1e-5,direction=to-host,seed=1.");
            }

            if (items.Whole("drop-after") is long drop)
            {
                faults.DropAfter(NotNegative(items, "drop-after", drop));
            }

            if (items.Whole("stall-after") is long stall)
            {
                faults.StallAfter(NotNegative(items, "stall-after", stall));
            }

            if (items.Rate("flip-rate", 0.125) is double rate)
            {
                faults.SetBitFlips(rate, Direction(items), (int)(items.Whole("seed") ?? 1));
            }

            if (items.Whole("delay-ms") is long delay)
            {
                faults.DelayMilliseconds = (int)Math.Min(NotNegative(items, "delay-ms", delay), 60_000);
            }

            if (items.Flag("split-writes"))
            {
                faults.SplitWrites = true;
            }
        }

        private static LinkFaultDirection Direction(KeyValueList items)
        {
            return items.Text("direction")?.ToLowerInvariant() switch
            {
                null or "both" => LinkFaultDirection.Both,
                "to-host" => LinkFaultDirection.ToHost,
                "to-device" => LinkFaultDirection.ToDevice,
                _ => throw items.Needs("direction", "to-host, to-device or both"),
            };
        }

        private static long NotNegative(KeyValueList items, string key, long value)
        {
            return value >= 0 ? value : throw items.Needs(key, "a number of at least 0");
        }
    }
}
