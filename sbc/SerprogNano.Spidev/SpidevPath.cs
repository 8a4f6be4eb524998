using System.Globalization;

namespace SerprogNano.Spidev
{
    /// <summary>
    /// A spidev node, <c>/dev/spidevB.C</c>: .NET IoT opens devices by bus B and chip-select line C,
    /// so only paths of that shape can be used.
    /// </summary>
    public readonly record struct SpidevPath(int Bus, int ChipSelectLine)
    {
        public const string Prefix = "/dev/spidev";

        public static bool TryParse(string text, out SpidevPath path)
        {
            path = default;
            if (text == null || !text.StartsWith(Prefix, System.StringComparison.Ordinal))
            {
                return false;
            }

            string[] parts = text[Prefix.Length..].Split('.');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int bus)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int line))
            {
                return false;
            }

            path = new SpidevPath(bus, line);
            return true;
        }

        public override string ToString() => Prefix + Bus.ToString(CultureInfo.InvariantCulture) + "." + ChipSelectLine.ToString(CultureInfo.InvariantCulture);
    }
}
