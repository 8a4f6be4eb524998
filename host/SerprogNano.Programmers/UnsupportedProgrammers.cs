using System;
using System.Collections.Generic;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// flashprog programmer names this tool does not drive, with the reason given to the user.
    /// A programmer that gains support moves from here to <see cref="ProgrammerRegistry"/>.
    /// </summary>
    internal static class UnsupportedProgrammers
    {
        private const string NotYet = " is not supported yet; use a serprog programmer (-p serprog:dev=... or -p serprog:ip=...) or a single-board computer's spidev (-p linux_spi:dev=/dev/spidev0.0).";

        private static readonly Dictionary<string, string> Reasons = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ch341a_spi"] =
                "ch341a_spi is refused: the CH341A drives 5 V logic on its data lines, which can damage the 3.3 V or 1.8 V flash "
                + "and the chipset it is wired to. Use a programmer with 3.3 V logic (a Raspberry Pi Pico with serprog firmware), "
                + "see the guide's \"Do not use CH341A!\" section.",
            ["internal"] = "internal (the board's own chipset) is not supported: this tool programs the flash from outside, through a clip.",
            ["dummy"] = "dummy" + NotYet + " For a flash without hardware, use -p emulator.",
        };

        /// <summary>Other flashprog programmers: named as such so the user knows the string itself is right.</summary>
        private static readonly string[] OtherFlashprogProgrammers =
        {
            "ft2232_spi", "buspirate_spi", "dediprog", "pickit2_spi", "usbblaster_spi", "ch347_spi", "jlink_spi",
            "dirtyjtag_spi", "stlinkv3_spi", "digilent_spi", "raiden_debug_spi", "pony_spi", "rayer_spi", "mstarddc_spi",
        };

        public static ProgrammerStringException Refuse(string name)
        {
            if (Reasons.TryGetValue(name, out string? reason))
            {
                return new ProgrammerStringException(reason);
            }

            if (Array.Exists(OtherFlashprogProgrammers, known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase)))
            {
                return new ProgrammerStringException("flashprog's " + name.ToLowerInvariant() + NotYet);
            }

            return new ProgrammerStringException("Unknown programmer '" + name + "'. Use one of: " + ProgrammerRegistry.KnownForms + ".");
        }
    }
}
