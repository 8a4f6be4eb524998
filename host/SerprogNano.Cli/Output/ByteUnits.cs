using System;
using System.Globalization;

namespace SerprogNano.Cli.Output
{
    /// <summary>Sizes, rates and durations as people read them.</summary>
    public static class ByteUnits
    {
        public static string Size(long bytes)
        {
            if (bytes >= 1 << 20)
            {
                return (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
            }

            return bytes >= 1 << 10 ? (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB" : bytes + " B";
        }

        /// <summary>A size as typed on the command line: bytes, or with K or M (binary: 1 KiB = 1024) suffix.</summary>
        public static bool TryParseSize(string text, out long bytes)
        {
            bytes = 0;
            string value = text.Trim();
            long unit = 1;
            if (value.Length > 0 && char.IsLetter(value[^1]))
            {
                unit = char.ToUpperInvariant(value[^1]) switch { 'K' => 1024, 'M' => 1 << 20, _ => 0 };
                value = value[..^1];
            }

            if (unit == 0 || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number <= 0 || number > long.MaxValue / unit)
            {
                return false;
            }

            bytes = number * unit;
            return true;
        }

        public static string Rate(double bytesPerSecond) => Size((long)bytesPerSecond) + "/s";

        public static string Duration(TimeSpan time)
        {
            return time.TotalSeconds >= 100
                ? ((int)time.TotalMinutes) + " min " + time.Seconds + " s"
                : time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }
    }
}
