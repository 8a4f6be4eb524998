using System.Globalization;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.Programmers.Serprog
{
    /// <summary>A serprog device behind TCP: <c>tcp:HOST:PORT</c> or <c>serprog:ip=HOST:PORT</c> (IPv6 as <c>[::1]:PORT</c>).</summary>
    public sealed class TcpProgrammerSpec : ProgrammerSpec
    {
        public TcpProgrammerSpec(string text, string host, int port, uint? spiSpeedHz, byte? chipSelect)
            : base(text, spiSpeedHz, chipSelect)
        {
            Host = host;
            Port = port;
        }

        public string Host { get; }

        public int Port { get; }

        public override string ToString() => "tcp " + Host + ":" + Port;

        public override ProgrammerSession Open(ProgrammerEnvironment environment)
        {
            return new SerprogSession(SerprogStartup.Connect(new TcpTransport(Host, Port), this, environment));
        }

        /// <summary><c>tcp:HOST:PORT[,spispeed=...][,cs=...]</c>.</summary>
        internal static TcpProgrammerSpec ParseShortForm(string text, string rest)
        {
            int comma = rest.IndexOf(',');
            string address = comma < 0 ? rest : rest[..comma];
            var parameters = ProgrammerParameters.Parse("tcp", comma < 0 ? "" : rest[(comma + 1)..], new[] { "spispeed", "cs" });
            return Parse(text, address, parameters.GetSpiSpeed(), parameters.GetChipSelect());
        }

        internal static TcpProgrammerSpec Parse(string text, string address, uint? spiSpeedHz, byte? chipSelect)
        {
            int colon = address.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new ProgrammerStringException("'" + address + "' needs HOST:PORT, e.g. 127.0.0.1:4444.");
            }

            string host = address[..colon];
            string portText = address[(colon + 1)..];
            if (host.StartsWith('[') && host.EndsWith(']'))
            {
                host = host[1..^1];
            }
            else if (host.Contains(':'))
            {
                throw new ProgrammerStringException("IPv6 address '" + host + "' must be in brackets: [" + host + "]:" + portText + ".");
            }

            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
            {
                throw new ProgrammerStringException("Port '" + portText + "' in '" + address + "' is not a number from 1 to 65535.");
            }

            if (host.Length == 0)
            {
                throw new ProgrammerStringException("The host name in '" + address + "' is empty.");
            }

            return new TcpProgrammerSpec(text, host, port, spiSpeedHz, chipSelect);
        }
    }
}
