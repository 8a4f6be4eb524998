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
        /// <summary>The part a bare <c>emulator</c> carries: the 8 MiB chip of most coreboot laptops.</summary>
        public const string DefaultChip = "W25Q64FV";

        private static readonly string[] Keys = { "chip", "baud", "latency-us", "link", "busy", "extensions", "image", "spispeed", "cs" };

        public EmulatorProgrammerSpec(string text, string chipModel, LinkModel? link, bool busyTimes, string? imagePath, uint? spiSpeedHz, byte? chipSelect)
            : base(text, spiSpeedHz, chipSelect)
        {
            ChipModel = chipModel;
            Link = link;
            BusyTimes = busyTimes;
            ImagePath = imagePath;
        }

        /// <summary>Name of the emulated part.</summary>
        public string ChipModel { get; }

        /// <summary>Rate and latency of the modeled link, or null for an instant one.</summary>
        public LinkModel? Link { get; }

        /// <summary>Whether program and erase take the datasheet's busy times.</summary>
        public bool BusyTimes { get; }

        /// <summary>Whether the emulated programmer offers the SerprogNano extensions (extensions=off: serprog v1 only).</summary>
        public bool Extensions { get; init; } = true;

        /// <summary>File the chip starts with, or null for an erased chip.</summary>
        public string? ImagePath { get; }

        public override string ToString() => "emulator with " + ChipModel + (Link != null ? " over a link of " + Link : "");

        /// <summary>
        /// A fresh emulator with the named chip, served on a background thread over a (modeled) in-process link.
        /// Its chip holds nothing worth keeping: a scratch chip, whatever image= it starts from.
        /// </summary>
        public override ProgrammerSession Open(ProgrammerEnvironment environment)
        {
            SpiNorModel model = SpiNorModels.Find(ChipModel)
                ?? throw new ProgrammerStringException("The emulator has no part called '" + ChipModel + "'. Choose one of: " + string.Join(", ", SpiNorModels.Names) + ".");
            var chip = new EmulatedSpiNor(model, new EmulatedSpiNorOptions { BusyTimes = BusyTimes });
            if (ImagePath != null)
            {
                LoadImage(chip, model, ImagePath);
            }

            var transport = new EmulatorTransport(new SerprogEmulator(chip) { Extensions = Extensions }, "emulator (" + model.Name + (Link != null ? ", " + Link : "") + ")", model: Link);
            return new SerprogSession(SerprogStartup.Connect(transport, this, environment)) { LinkBytesPerSecond = Link?.BytesPerSecond, ScratchChip = true };
        }

        internal static EmulatorProgrammerSpec ParseShortForm(string text, string rest)
        {
            var parameters = ProgrammerParameters.Parse("emulator", rest, Keys, allowBare: true);
            string? named = parameters.Get("chip");
            if (parameters.Bare.Count > 1 || (parameters.Bare.Count == 1 && named != null))
            {
                throw new ProgrammerStringException("emulator takes one chip name, e.g. emulator:W25Q64FV,baud=2000000.");
            }

            string chip = parameters.Bare.Count == 1 ? parameters.Bare[0] : named ?? DefaultChip;
            long? baud = parameters.GetNumber("baud", 1, LinkModel.MaxBaudRate);
            long? latency = parameters.GetNumber("latency-us", 0, LinkModel.MaxLatencyMicroseconds);
            string? shape = parameters.Get("link");
            LinkModel? link = baud == null && latency == null ? null : new LinkModel(baud ?? 0, latency ?? 0);
            if (shape != null)
            {
                link = (link ?? new LinkModel(0, 0)).WithShape(shape)
                    ?? throw new ProgrammerStringException("emulator link=" + shape + " is not a link shape: use " + string.Join(" or ", LinkModel.ShapeNames) + ", e.g. emulator:baud=2000000,latency-us=500,link=bursty.");
            }

            return new EmulatorProgrammerSpec(
                text, chip, link, parameters.GetSwitch("busy") ?? false, parameters.Get("image"), parameters.GetSpiSpeed(), parameters.GetChipSelect())
            {
                Extensions = parameters.GetSwitch("extensions") ?? true,
            };
        }

        private static void LoadImage(EmulatedSpiNor chip, SpiNorModel model, string path)
        {
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
