using System;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Links;

namespace SerprogNano.Programmers.Emulator
{
    /// <summary>
    /// What an emulated programmer is made of: its chip, the link it is served over, busy times, the SerprogNano
    /// extensions and the file the chip starts with. <c>-p emulator:...</c> and <c>serprog emulate</c> read their
    /// settings into this one type: one chip lookup, one rule for the link, one default chip.
    /// </summary>
    public sealed record EmulatorSettings
    {
        /// <summary>The emulated part; <see cref="SpiNorModels.Default"/> unless one is named.</summary>
        public SpiNorModel Chip { get; init; } = SpiNorModels.Default;

        /// <summary>Rate and latency of the modeled link, or null for an instant one.</summary>
        public LinkModel? Link { get; init; }

        /// <summary>Whether program and erase take the datasheet's busy times.</summary>
        public bool BusyTimes { get; init; }

        /// <summary>Whether the emulated programmer offers the SerprogNano extensions (without: serprog v1 only).</summary>
        public bool Extensions { get; init; } = true;

        /// <summary>File the chip starts with, or null for an erased chip.</summary>
        public string? ImagePath { get; init; }

        /// <summary>The settings a front end was given; null (or 0 for the rate and the latency) for what it was not.</summary>
        /// <exception cref="FormatException">A link shape that is none.</exception>
        public static EmulatorSettings Of(SpiNorModel? chip, long? baudRate, long? latencyMicroseconds, string? linkShape, bool busyTimes, bool extensions, string? imagePath)
        {
            return new EmulatorSettings
            {
                Chip = chip ?? SpiNorModels.Default,
                Link = LinkOf(baudRate ?? 0, latencyMicroseconds ?? 0, linkShape),
                BusyTimes = busyTimes,
                Extensions = extensions,
                ImagePath = imagePath,
            };
        }

        /// <exception cref="FormatException">No emulated part has that name; the message lists those that do.</exception>
        public static SpiNorModel FindChip(string name)
        {
            return SpiNorModels.Find(name)
                ?? throw new FormatException("The emulator has no part called '" + name + "'. Choose one of: " + string.Join(", ", SpiNorModels.Names) + ".");
        }

        /// <summary>A chip in its erased state, with these settings' busy times.</summary>
        public EmulatedSpiNor CreateChip() => new(Chip, new EmulatedSpiNorOptions { BusyTimes = BusyTimes });

        /// <summary>The device engine serving <paramref name="chip"/>, with or without the extensions.</summary>
        public SerprogEmulator CreateEmulator(EmulatedSpiNor chip) => new(chip) { Extensions = Extensions };

        /// <summary>A link is modeled when a rate, a latency or a shape is asked for; a rate of 0 has no limit.</summary>
        private static LinkModel? LinkOf(long baudRate, long latencyMicroseconds, string? shape)
        {
            if (baudRate == 0 && latencyMicroseconds == 0 && shape == null)
            {
                return null;
            }

            var link = new LinkModel(baudRate, latencyMicroseconds);
            return shape == null ? link
                : link.WithShape(shape) ?? throw new FormatException("emulator link=" + shape + " is not a link shape: use " + string.Join(" or ", LinkModel.ShapeNames) + ", e.g. emulator:baud=2000000,latency-us=500,link=bursty.");
        }
    }
}
