using System;
using System.Collections.Generic;
using SerprogNano.Programmers.Emulator;
using SerprogNano.Programmers.LinuxSpi;
using SerprogNano.Programmers.Serprog;
using SerprogNano.Spidev;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// Every programmer -p can open, in one table (as flashprog's programmer_table.c or probe-rs's
    /// driver list). Each entry parses its parameters into a <see cref="ProgrammerSpec"/>, which opens
    /// its <see cref="ProgrammerSession"/>; a new kind of programmer is one more line here and a folder beside the others.
    /// </summary>
    public static class ProgrammerRegistry
    {
        /// <summary>In the order strings are tried: shapes first, as a path is no programmer name.</summary>
        public static readonly IReadOnlyList<ProgrammerKind> Kinds = new[]
        {
            // A bare spidev node is no serial port: it is the spidev: form without its name.
            ProgrammerKind.Shaped("", text => text.StartsWith(SpidevPath.Prefix, StringComparison.Ordinal), text => LinuxSpiProgrammerSpec.ParseShortForm(text, text)),
            ProgrammerKind.Shaped("/dev/ttyACM0[:BAUD], COM3[:BAUD]", SerialProgrammerSpec.LooksLikeDevicePath, SerialProgrammerSpec.ParseShortForm),
            ProgrammerKind.Named("tcp", "tcp:HOST:PORT", TcpProgrammerSpec.ParseShortForm),
            ProgrammerKind.Named("emulator", "emulator[:CHIP]", EmulatorProgrammerSpec.ParseShortForm),
            ProgrammerKind.Named("serprog", "serprog:dev=/dev/ttyACM0[:BAUD][,spispeed=16M][,cs=0], serprog:ip=HOST:PORT", FlashprogSerprogForm.Parse),
            ProgrammerKind.Named("linux_spi", "linux_spi:dev=/dev/spidev0.0[,spispeed=KHZ]", LinuxSpiProgrammerSpec.ParseFlashprogForm),
            ProgrammerKind.Named("spidev", "spidev:/dev/spidev0.0", LinuxSpiProgrammerSpec.ParseShortForm),
        };

        /// <summary>Examples shown when a string cannot be parsed.</summary>
        public static readonly string KnownForms = string.Join(", ", FormsOf(Kinds));

        private static IEnumerable<string> FormsOf(IReadOnlyList<ProgrammerKind> kinds)
        {
            foreach (ProgrammerKind kind in kinds)
            {
                if (kind.Forms.Length > 0)
                {
                    yield return kind.Forms;
                }
            }
        }
    }
}
