using System;

namespace SerprogNano.Host.Programmers
{
    /// <summary>
    /// A parsed -p/--programmer string: which programmer to open and how. The forms are our own short
    /// ones (<c>/dev/ttyACM0[:BAUD]</c>, <c>COM3[:BAUD]</c>, <c>tcp:HOST:PORT</c>, <c>emulator[:CHIP,...]</c>)
    /// and flashprog's (<c>serprog:dev=PATH[:BAUD],spispeed=16M,cs=0</c>, <c>serprog:ip=HOST:PORT</c>,
    /// <c>linux_spi:dev=/dev/spidev0.0,spispeed=32768</c>),
    /// so the commands of the end-user guide work unchanged.
    /// </summary>
    public abstract class ProgrammerSpec
    {
        /// <summary>Examples shown when a string cannot be parsed.</summary>
        public const string KnownForms =
            "/dev/ttyACM0[:BAUD], COM3[:BAUD], tcp:HOST:PORT, emulator[:CHIP], serprog:dev=/dev/ttyACM0[:BAUD][,spispeed=16M][,cs=0], serprog:ip=HOST:PORT, "
            + "linux_spi:dev=/dev/spidev0.0[,spispeed=KHZ], spidev:/dev/spidev0.0";

        private static readonly char[] NameEnd = { ':', ',' };

        protected ProgrammerSpec(string text, uint? spiSpeedHz, byte? chipSelect)
        {
            Text = text;
            SpiSpeedHz = spiSpeedHz;
            ChipSelect = chipSelect;
        }

        /// <summary>The string as the user typed it.</summary>
        public string Text { get; }

        /// <summary>SPI clock to ask for (flashprog's spispeed=), or null for the programmer's default.</summary>
        public uint? SpiSpeedHz { get; }

        /// <summary>Chip select to use (flashprog's cs=), or null for the programmer's default.</summary>
        public byte? ChipSelect { get; }

        /// <summary>Parses any supported form; throws <see cref="ProgrammerStringException"/> with what to type instead.</summary>
        public static ProgrammerSpec Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            string trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                throw new ProgrammerStringException("The programmer string is empty. Use one of: " + KnownForms + ".");
            }

            if (trimmed.StartsWith(LinuxSpi.SpidevPath.Prefix, StringComparison.Ordinal))
            {
                // A bare spidev node is no serial port: it is our spidev: form without its name.
                return LinuxSpiProgrammerSpec.ParseShortForm(trimmed, trimmed);
            }

            if (SerialProgrammerSpec.LooksLikeDevicePath(trimmed))
            {
                return SerialProgrammerSpec.ParseShortForm(trimmed);
            }

            // The name ends at the first ':' or ',': emulator,busy=on is emulator:busy=on without a chip name.
            int end = trimmed.IndexOfAny(NameEnd);
            string name = end < 0 ? trimmed : trimmed[..end];
            string rest = end < 0 ? "" : trimmed[(end + 1)..];
            return name.ToLowerInvariant() switch
            {
                "serprog" => ParseSerprog(trimmed, rest),
                "tcp" => TcpProgrammerSpec.ParseShortForm(trimmed, rest),
                "emulator" => EmulatorProgrammerSpec.ParseShortForm(trimmed, rest),
                "linux_spi" => LinuxSpiProgrammerSpec.ParseFlashprogForm(trimmed, rest),
                "spidev" => LinuxSpiProgrammerSpec.ParseShortForm(trimmed, rest),
                _ => throw UnsupportedProgrammers.Refuse(name),
            };
        }

        /// <summary>flashprog's <c>serprog:</c> parameters: exactly one of dev= and ip=, then spispeed= and cs=.</summary>
        private static ProgrammerSpec ParseSerprog(string text, string parameterText)
        {
            var parameters = ProgrammerParameters.Parse("serprog", parameterText, new[] { "dev", "ip", "spispeed", "cs" });
            string? device = parameters.Get("dev");
            string? ip = parameters.Get("ip");
            uint? speed = parameters.GetSpiSpeed();
            byte? chipSelect = parameters.GetChipSelect();
            if (device != null && ip != null)
            {
                throw new ProgrammerStringException("serprog takes either dev= (serial) or ip= (TCP), not both.");
            }

            if (device != null)
            {
                return SerialProgrammerSpec.Parse(text, device, speed, chipSelect);
            }

            if (ip != null)
            {
                return TcpProgrammerSpec.Parse(text, ip, speed, chipSelect);
            }

            throw new ProgrammerStringException("serprog needs dev=PATH[:BAUD] or ip=HOST:PORT, e.g. serprog:dev=/dev/ttyACM0,spispeed=16M.");
        }
    }
}
