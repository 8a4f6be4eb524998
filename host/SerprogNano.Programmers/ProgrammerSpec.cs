using System;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// A parsed -p/--programmer string: which programmer to open and how. The forms are our own short
    /// ones (<c>/dev/ttyACM0[:BAUD]</c>, <c>COM3[:BAUD]</c>, <c>tcp:HOST:PORT</c>, <c>emulator[:CHIP,...]</c>)
    /// and flashprog's (<c>serprog:dev=PATH[:BAUD],spispeed=16M,cs=0</c>, <c>serprog:ip=HOST:PORT</c>,
    /// <c>linux_spi:dev=/dev/spidev0.0,spispeed=32768</c>),
    /// so the commands of the end-user guide work unchanged. <see cref="ProgrammerRegistry"/> lists them all.
    /// </summary>
    public abstract class ProgrammerSpec
    {
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
                throw new ProgrammerStringException("The programmer string is empty. Use one of: " + ProgrammerRegistry.KnownForms + ".");
            }

            foreach (ProgrammerKind kind in ProgrammerRegistry.Kinds)
            {
                if (kind.Recognises(trimmed))
                {
                    return kind.Parse(trimmed, trimmed);
                }
            }

            // The name ends at the first ':' or ',': emulator,busy=on is emulator:busy=on without a chip name.
            int end = trimmed.IndexOfAny(NameEnd);
            string name = end < 0 ? trimmed : trimmed[..end];
            string rest = end < 0 ? "" : trimmed[(end + 1)..];
            foreach (ProgrammerKind kind in ProgrammerRegistry.Kinds)
            {
                if (kind.IsNamed(name))
                {
                    return kind.Parse(trimmed, rest);
                }
            }

            throw UnsupportedProgrammers.Refuse(name);
        }

        /// <summary>Opens the programmer and runs its start-up (serprog's handshake, spidev's open).</summary>
        public abstract ProgrammerSession Open(ProgrammerEnvironment environment);
    }
}
