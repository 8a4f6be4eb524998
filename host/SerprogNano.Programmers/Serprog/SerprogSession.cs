using System.Collections.Generic;
using System.Text.Json.Nodes;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Host.Spi;
using SerprogNano.Protocol;

namespace SerprogNano.Programmers.Serprog
{
    /// <summary>A serprog programmer after its start-up, on any link (serial, TCP, the in-process emulator).</summary>
    public sealed class SerprogSession : ProgrammerSession
    {
        private readonly SerprogClient _client;

        public SerprogSession(SerprogClient client)
            : base(new RetryingSpiMaster(new SerprogSpiMaster(client)), client.Warnings)
        {
            _client = client;
        }

        public override SerprogClient Client => _client;

        protected override IDeviceSideOperations? DeviceSide => SerprogDeviceSide.Of(_client);

        public override ProgrammerDescription Describe()
        {
            string clock = _client.SpiFrequency is uint hz ? ", SPI clock " + SpiSpeed.Format(hz) : "";
            string limits = Limits();
            string driving = "  profile " + _client.Driving.Id + " (" + _client.Driving.Mode + "): " + _client.Driving.Reason;
            var fields = new JsonObject
            {
                ["name"] = _client.ProgrammerName,
                ["link"] = _client.Transport.Description,
                ["spiFrequency"] = _client.SpiFrequency,
                ["baud"] = _client.Transport is IBaudRateTransport line ? line.BaudRate : null,
                ["profile"] = _client.Driving.Id,
                ["mode"] = _client.Driving.Mode,
            };
            var inventory = new List<ProgrammerFact>
            {
                new("  serprog interface " + _client.InterfaceVersion + ", bus types 0x" + _client.SupportedBusTypes.ToString("X2")),
                new(limits, IsDetail: true),
                new(driving, IsDetail: true),
            };
            var avoided = new JsonArray();
            foreach (KeyValuePair<byte, string> avoid in _client.Driving.Avoid)
            {
                if (_client.Lists(avoid.Key))
                {
                    avoided.Add(SerprogCommandTable.NameOf(avoid.Key));
                    inventory.Add(new("  not sent: " + SerprogCommandTable.NameOf(avoid.Key) + ", because " + avoid.Value));
                }
            }

            var supported = new JsonArray();
            var names = new List<string>();
            for (int opcode = 0; opcode < 256; opcode++)
            {
                if (_client.Lists((byte)opcode))
                {
                    string name = SerprogCommandTable.NameOf(opcode);
                    supported.Add(name);
                    names.Add(name);
                }
            }

            inventory.Add(new("  commands: " + string.Join(", ", names)));
            var inventoryFields = new JsonObject
            {
                ["interfaceVersion"] = _client.InterfaceVersion,
                ["busTypes"] = _client.SupportedBusTypes,
                ["serialBuffer"] = _client.SerialBufferSize,
                ["serialBufferReported"] = _client.SerialBufferReported,
                ["maxWriteLength"] = _client.MaxWriteLength,
                ["maxReadLength"] = _client.MaxReadLength,
                ["commands"] = supported,
                ["avoidedCommands"] = avoided,
                ["sendAheadBytes"] = _client.Driving.SendAheadBytes,
                ["profileReason"] = _client.Driving.Reason,
            };
            return new ProgrammerDescription(
                "\"" + _client.ProgrammerName + "\" on " + _client.Transport.Description + clock, new[] { limits, driving }, fields, inventory, inventoryFields);
        }

        public override void Dispose() => _client.Dispose();

        /// <summary>The programmer's buffer and transfer limits in one line.</summary>
        private string Limits()
        {
            string serialBuffer = _client.SerialBufferSize + " bytes" + (_client.SerialBufferReported ? "" : " (assumed: the device does not say)");
            return "  serial buffer " + serialBuffer + ", max write " + _client.MaxWriteLength + " bytes, max read " + _client.MaxReadLength + " bytes per O_SPIOP";
        }
    }
}
