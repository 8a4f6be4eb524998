using System.Collections.Generic;
using System.Globalization;
using SerprogNano.Spidev;

namespace SerprogNano.Programmers.LinuxSpi
{
    /// <summary>
    /// A single-board computer's spidev: flashprog's <c>linux_spi:dev=/dev/spidev0.0[,spispeed=KHZ]</c>
    /// (spispeed= in kHz there, so the guide's spispeed=32768 is 32.768 MHz) or our
    /// <c>spidev:/dev/spidev0.0[,spispeed=KHZ]</c>.
    /// </summary>
    public sealed class LinuxSpiProgrammerSpec : ProgrammerSpec
    {
        /// <summary>Clock without spispeed=: flashrom's linux_spi default of 2000 kHz.</summary>
        public const uint DefaultSpiSpeedHz = 2_000_000;

        private static readonly string[] Keys = { "dev", "spispeed" };

        public LinuxSpiProgrammerSpec(string text, string devicePath, uint? spiSpeedHz)
            : base(text, spiSpeedHz, null)
        {
            DevicePath = devicePath;
        }

        public string DevicePath { get; }

        public override string ToString() => "linux_spi " + DevicePath;

        /// <summary>Opens the node and says what the guide would say about this board and clock.</summary>
        public override ProgrammerSession Open(ProgrammerEnvironment environment)
        {
            uint clockHz = environment.SpiSpeedHz ?? DefaultSpiSpeedHz;
            LinuxSpiMaster master = LinuxSpiMaster.Open(environment.Spidev, DevicePath, clockHz);
            var warnings = new List<string>();
            string? clockAdvice = BoardAdvice.ForClock(master.Board, clockHz);
            if (clockAdvice != null)
            {
                warnings.Add(clockAdvice);
            }

            return new LinuxSpiSession(master, warnings);
        }

        /// <summary><c>linux_spi:</c>'s parameters: dev= is required.</summary>
        internal static LinuxSpiProgrammerSpec ParseFlashprogForm(string text, string rest)
        {
            var parameters = ProgrammerParameters.Parse("linux_spi", rest, Keys);
            string device = parameters.Get("dev")
                ?? throw new ProgrammerStringException("linux_spi needs dev=, the spidev node: e.g. linux_spi:dev=/dev/spidev0.0,spispeed=32768 (ls /dev/spidev*).");
            return new LinuxSpiProgrammerSpec(text, device, ParseKilohertz(parameters.Get("spispeed")));
        }

        /// <summary><c>spidev:PATH[,spispeed=KHZ]</c>.</summary>
        internal static LinuxSpiProgrammerSpec ParseShortForm(string text, string rest)
        {
            int comma = rest.IndexOf(',');
            string device = comma < 0 ? rest : rest[..comma];
            if (device.Length == 0 || device.Contains('='))
            {
                throw new ProgrammerStringException("spidev needs the device node first: e.g. spidev:/dev/spidev0.0 or spidev:/dev/spidev1.0,spispeed=512.");
            }

            var parameters = ProgrammerParameters.Parse("spidev", comma < 0 ? "" : rest[(comma + 1)..], new[] { "spispeed" });
            return new LinuxSpiProgrammerSpec(text, device, ParseKilohertz(parameters.Get("spispeed")));
        }

        /// <summary>flashprog reads linux_spi's spispeed= as a decimal number of kHz.</summary>
        private static uint? ParseKilohertz(string? text)
        {
            if (text == null)
            {
                return null;
            }

            if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint khz) || khz == 0 || khz > uint.MaxValue / 1000)
            {
                throw new ProgrammerStringException("linux_spi's spispeed=" + text + " must be a whole number of kHz, as in flashprog: spispeed=32768 (32.768 MHz), spispeed=512 on a BeagleBone Black.");
            }

            return khz * 1000;
        }
    }
}
