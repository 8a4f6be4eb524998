using System;
using SerprogNano.Protocol;
using SerprogNano.Text;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// Reads the link faults of <c>serprog emulate --fault</c>: <c>drop-after=N</c>, <c>stall-after=N</c>
    /// (bytes from the host), <c>flip-rate=R[,direction=to-host|to-device|both][,seed=S]</c>,
    /// <c>flip-frame=OP|any[,spi=OP][,nth=N][,every],byte=K,bit=B[,direction=to-device|to-host]</c> (one <see cref="FrameBitFlip"/>),
    /// <c>delay-ms=N</c> and <c>split-writes</c>, several per option separated by commas.
    /// </summary>
    public static class LinkFaultText
    {
        public const string Syntax = "drop-after=N | stall-after=N | flip-rate=R[,direction=to-host|to-device|both][,seed=S] "
            + "| flip-frame=OP|any[,spi=OP][,nth=N][,every],byte=K,bit=B[,direction=to-device|to-host] | delay-ms=N | split-writes";

        /// <summary>A minute: longer than any host waits for a reply, so a longer delay tests nothing more.</summary>
        private const long MaxDelayMilliseconds = 60_000;

        private static readonly string[] Keys = { "drop-after", "stall-after", "flip-rate", "direction", "seed", "flip-frame", "spi", "nth", "every", "byte", "bit", "delay-ms", "split-writes" };

        private static readonly string[] FrameKeys = { "spi", "nth", "every", "byte", "bit" };

        /// <summary>Applies one option's faults to <paramref name="faults"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
        public static void Apply(string text, LinkFaults faults)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentNullException.ThrowIfNull(faults);
            var items = new KeyValueList("--fault", text, Keys, "fault");
            if (items.Has("flip-rate") && items.Has("flip-frame"))
            {
                throw new FormatException("--fault: flip-rate= and flip-frame= each take their own direction=: give them in separate --fault options.");
            }

            if ((items.Has("direction") && !items.Has("flip-rate") && !items.Has("flip-frame")) || (items.Has("seed") && !items.Has("flip-rate")))
            {
                throw new FormatException("--fault: direction= and seed= go with flip-rate=, e.g. flip-rate=1e-5,direction=to-host,seed=1 (direction= also with flip-frame=).");
            }

            if (!items.Has("flip-frame") && Array.Exists(FrameKeys, items.Has))
            {
                throw new FormatException("--fault: spi=, nth=, every, byte= and bit= go with flip-frame=, e.g. flip-frame=any,spi=0x20,byte=1,bit=5.");
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

            if (items.Text("flip-frame") != null)
            {
                faults.FlipFrameBit(FrameFlip(items));
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

        /// <summary>flip-frame=OP|any with spi=, nth=, byte=, bit= and direction= (to-device unless told).</summary>
        private static FrameBitFlip FrameFlip(KeyValueList items)
        {
            int? opcode = string.Equals(items.Text("flip-frame"), "any", StringComparison.OrdinalIgnoreCase) ? null : (int)InRange(items, "flip-frame", 0, 0xFF, "a serprog opcode (decimal or 0x hex) or any");
            int? spi = items.Has("spi") ? (int)InRange(items, "spi", 0, 0xFF, "an SPI opcode from 0 to 0xFF") : null;
            if (opcode == null && spi == null)
            {
                throw items.Needs("spi", "an SPI opcode when flip-frame=any (e.g. spi=0x20 for a 4 KiB erase)");
            }

            if (!items.Has("byte") || !items.Has("bit"))
            {
                throw new FormatException("--fault: flip-frame= needs byte=K and bit=B, e.g. flip-frame=any,spi=0x20,byte=1,bit=5.");
            }

            if (opcode is int serprog && !SerprogCommandTable.IsDefined(serprog))
            {
                throw items.Needs("flip-frame", "an opcode serprog or the SerprogNano extensions define, or any");
            }

            if (opcode is int carrier && spi != null && !FrameBitFlip.CarriesSpi(carrier))
            {
                throw items.Needs("flip-frame", "O_SPIOP (0x13), O_NANO_SPIOP_WAIT (0x80), O_NANO_SPIOP_WAIT_RUN (0x82) or any with spi=");
            }

            LinkFaultDirection direction = items.Has("direction") ? Direction(items) : LinkFaultDirection.ToDevice;
            if (direction == LinkFaultDirection.Both)
            {
                throw items.Needs("direction", "to-device (the command) or to-host (its reply) with flip-frame=");
            }

            return new FrameBitFlip(
                opcode,
                spi,
                (int)(items.Has("nth") ? InRange(items, "nth", 1, int.MaxValue, "a count from 1") : 1),
                (int)InRange(items, "byte", 0, int.MaxValue, "a byte index from 0"),
                (int)InRange(items, "bit", 0, 7, "a bit from 0 to 7"),
                direction)
            {
                Repeats = items.Flag("every"),
            };
        }

        private static long InRange(KeyValueList items, string key, long minimum, long maximum, string what)
        {
            string text = items.Text(key) ?? throw items.Needs(key, what);
            return WholeNumber.TryParse(text, minimum, maximum, out long value) ? value : throw items.Needs(key, what);
        }
    }
}
