using System;
using System.IO;
using SerprogNano.Host.Files;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Programmers.Serprog;

namespace SerprogNano.Programmers.Emulator
{
    /// <summary>
    /// The built-in emulator: the device engine and an emulated chip in this process.
    /// <c>emulator[:CHIP][,baud=N][,latency-us=N][,link=packets|bursty][,busy=on][,extensions=off][,image=FILE][,spispeed=..][,cs=..]</c>.
    /// </summary>
    public sealed class EmulatorProgrammerSpec : ProgrammerSpec
    {
        private static readonly string[] Keys = { "chip", "baud", "latency-us", "link", "busy", "extensions", "image", "spispeed", "cs" };

        public EmulatorProgrammerSpec(string text, EmulatorSettings settings, uint? spiSpeedHz, byte? chipSelect)
            : base(text, spiSpeedHz, chipSelect)
        {
            Settings = settings;
        }

        /// <summary>The chip, link and switches the string asks for.</summary>
        public EmulatorSettings Settings { get; }

        public override string ToString() => "emulator with " + Settings.Chip.Name + (Settings.Link != null ? " over a link of " + Settings.Link : "");

        /// <summary>
        /// A fresh emulator with the named chip, served on a background thread over a (modeled) in-process link.
        /// Its chip holds nothing worth keeping: a scratch chip, whatever image= it starts from.
        /// </summary>
        public override ProgrammerSession Open(ProgrammerEnvironment environment)
        {
            EmulatedSpiNor chip = Settings.CreateChip();
            if (Settings.ImagePath != null)
            {
                LoadImage(chip, Settings.ImagePath);
            }

            LinkModel? link = Settings.Link;
            var transport = new EmulatorTransport(Settings.CreateEmulator(chip), "emulator (" + chip.Model.Name + (link != null ? ", " + link : "") + ")", model: link);
            return new SerprogSession(SerprogStartup.Connect(transport, this, environment)) { LinkBytesPerSecond = link?.BytesPerSecond, ScratchChip = true };
        }

        internal static EmulatorProgrammerSpec ParseShortForm(string text, string rest)
        {
            var parameters = ProgrammerParameters.Parse("emulator", rest, Keys, allowBare: true);
            string? named = parameters.Get("chip");
            if (parameters.Bare.Count > 1 || (parameters.Bare.Count == 1 && named != null))
            {
                throw new ProgrammerStringException("emulator takes one chip name, e.g. emulator:W25Q64FV,baud=2000000.");
            }

            string? chipName = parameters.Bare.Count == 1 ? parameters.Bare[0] : named;
            try
            {
                EmulatorSettings settings = EmulatorSettings.Of(
                    chipName == null ? null : EmulatorSettings.FindChip(chipName),
                    parameters.GetNumber("baud", 1, LinkModel.MaxBaudRate),
                    parameters.GetNumber("latency-us", 0, LinkModel.MaxLatencyMicroseconds),
                    parameters.Get("link"),
                    parameters.GetSwitch("busy") ?? false,
                    parameters.GetSwitch("extensions") ?? true,
                    parameters.Get("image"));
                return new EmulatorProgrammerSpec(text, settings, parameters.GetSpiSpeed(), parameters.GetChipSelect());
            }
            catch (FormatException e) when (e is not ProgrammerStringException)
            {
                throw new ProgrammerStringException(e.Message);
            }
        }

        private static void LoadImage(EmulatedSpiNor chip, string path)
        {
            SpiNorModel model = chip.Model;
            try
            {
                chip.Load(InputFile.ReadAll(path, "Emulator image", model.Size, model.Name + "'s size"));
            }
            catch (InputFileException e)
            {
                throw new ProgrammerStringException(e.Message);
            }
            catch (InvalidDataException e)
            {
                throw new ProgrammerStringException("emulator image=" + path + ": " + e.Message);
            }
        }
    }
}
