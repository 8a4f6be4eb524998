using System;
using System.Collections.Generic;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>The link and chip faults of one emulator, from the texts of its fault options.</summary>
    public static class InjectedFaults
    {
        /// <summary>Applies the chip faults to <paramref name="chip"/>; returns the link faults, or null when none were asked for.</summary>
        public static LinkFaults? Apply(IReadOnlyList<string> linkFaults, IReadOnlyList<string> chipFaults, EmulatedSpiNor chip)
        {
            ArgumentNullException.ThrowIfNull(linkFaults);
            ArgumentNullException.ThrowIfNull(chipFaults);
            foreach (string text in chipFaults)
            {
                ChipFaultText.Apply(text, chip);
            }

            if (linkFaults.Count == 0)
            {
                return null;
            }

            var faults = new LinkFaults();
            foreach (string text in linkFaults)
            {
                LinkFaultText.Apply(text, faults);
            }

            return faults;
        }

        /// <summary>One phrase per fault in force, link first.</summary>
        public static IReadOnlyList<string> Describe(LinkFaults? link, EmulatedSpiNor chip)
        {
            ArgumentNullException.ThrowIfNull(chip);
            var parts = new List<string>(link?.Describe() ?? Array.Empty<string>());
            EmulatedSpiNorFaults faults = chip.Faults;
            if (faults.Absent)
            {
                parts.Add("no chip on the bus (MISO floats high)");
            }

            if (faults.MisoShortedLow)
            {
                parts.Add("MISO shorted low");
            }

            if (faults.StuckBusy)
            {
                parts.Add("chip stays busy");
            }

            if (faults.ReadBitFlipRate > 0)
            {
                parts.Add("read bit flips at " + faults.ReadBitFlipRate.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture) + " per bit");
            }

            if (faults.FailingPageAddress is int page)
            {
                parts.Add("the page at 0x" + page.ToString("X6") + " does not program");
            }

            return parts;
        }
    }
}
