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

        /// <summary>A minute: longer than any host waits for a reply, so a longer delay tests nothing more.</summary>
        private const long MaxDelayMilliseconds = 60_000;

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

            if (items.Whole("drop-after", 0, long.MaxValue) is long drop)
            {
                faults.DropAfter(drop);
            }

            if (items.Whole("stall-after", 0, long.MaxValue) is long stall)
            {
                faults.StallAfter(stall);
            }

            if (items.Rate("flip-rate", 0.125) is double rate)
            {
                faults.SetBitFlips(rate, Direction(items), (int)(items.Whole("seed", 0, int.MaxValue) ?? 1));
            }

            if (items.Whole("delay-ms", 0, MaxDelayMilliseconds) is long delay)
            {
                faults.DelayMilliseconds = (int)delay;
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
    }
}
