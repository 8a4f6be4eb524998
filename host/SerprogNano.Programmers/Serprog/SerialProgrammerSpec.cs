using System;
using System.Globalization;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.Programmers.Serprog
{
    /// <summary>A serprog device on a serial port: <c>/dev/ttyACM0[:BAUD]</c>, <c>COM3[:BAUD]</c> or <c>serprog:dev=...</c>.</summary>
    public sealed class SerialProgrammerSpec : ProgrammerSpec
    {
        public SerialProgrammerSpec(string text, string devicePath, int? baudRate, uint? spiSpeedHz, byte? chipSelect)
            : base(text, spiSpeedHz, chipSelect)
        {
            DevicePath = devicePath;
            BaudRate = baudRate;
        }

        public string DevicePath { get; }

        /// <summary>Baud rate to open the port at, or null for the default (USB CDC devices ignore it).</summary>
        public int? BaudRate { get; }

        public override string ToString() => DevicePath + (BaudRate is int baud ? " at " + baud + " baud" : "");

        public override ProgrammerSession Open(ProgrammerEnvironment environment)
        {
            var port = new SerialPortTransport(DevicePath, BaudRate ?? SerialPortTransport.DefaultBaudRate);
            return new SerprogSession(SerprogStartup.Connect(port, this, environment));
        }

        /// <summary>A Unix device path or a Windows COM port, rather than a programmer name.</summary>
        internal static bool LooksLikeDevicePath(string text)
        {
            if (text.StartsWith('/') || text.StartsWith(@"\\.\", StringComparison.Ordinal))
            {
                return true;
            }

            return text.Length > 3 && text.StartsWith("COM", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(text[3]);
        }

        internal static SerialProgrammerSpec ParseShortForm(string text) => Parse(text, text, null, null);

        /// <summary>PATH[:BAUD]: a trailing all-digit part after the last colon is the baud rate.</summary>
        internal static SerialProgrammerSpec Parse(string text, string device, uint? spiSpeedHz, byte? chipSelect)
        {
            string path = device;
            int? baud = null;
            int colon = device.LastIndexOf(':');
            if (colon >= 0)
            {
                string suffix = device[(colon + 1)..];
                bool allDigits = suffix.Length > 0 && suffix.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
                if (allDigits)
                {
                    if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed == 0)
                    {
                        throw new ProgrammerStringException("Baud rate '" + suffix + "' in '" + device + "' is not a positive number.");
                    }

                    path = device[..colon];
                    baud = parsed;
                }
                else if (suffix.Length == 0)
                {
                    throw new ProgrammerStringException("'" + device + "' ends with ':' but no baud rate; write " + device.TrimEnd(':') + " or " + device + "115200.");
                }
            }

            if (path.Length == 0)
            {
                throw new ProgrammerStringException("The serial device path is empty; e.g. dev=/dev/ttyACM0.");
            }

            return new SerialProgrammerSpec(text, path, baud, spiSpeedHz, chipSelect);
        }
    }
}
