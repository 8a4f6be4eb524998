using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using SerprogNano.Spidev;

namespace SerprogNano.Programmers.LinuxSpi
{
    /// <summary>A single-board computer's opened spidev node, with the guide's advice for its board.</summary>
    public sealed class LinuxSpiSession : ProgrammerSession
    {
        private readonly LinuxSpiMaster _spidev;

        public LinuxSpiSession(LinuxSpiMaster spidev, IReadOnlyList<string> warnings)
            : base(spidev, warnings)
        {
            _spidev = spidev;
        }

        /// <summary>The board the node belongs to, as its files tell.</summary>
        public BoardKind Board => _spidev.Board;

        protected override string? BlankIdAdvice => BoardAdvice.ForBlankId(_spidev.Board);

        public override ProgrammerDescription Describe()
        {
            var fields = new JsonObject
            {
                ["name"] = "linux_spi",
                ["link"] = _spidev.DevicePath,
                ["spiFrequency"] = _spidev.ClockHz,
                ["transferLimit"] = _spidev.TransferLimit,
            };

            // A spidev node has no serprog commands: only the longest phases one transfer carries.
            var inventory = new[] { new ProgrammerFact("  max write " + _spidev.MaxWriteLength + " bytes, max read " + _spidev.MaxReadLength + " bytes per transfer") };
            var inventoryFields = new JsonObject
            {
                ["maxWriteLength"] = _spidev.MaxWriteLength,
                ["maxReadLength"] = _spidev.MaxReadLength,
            };
            return new ProgrammerDescription(
                _spidev.Description + ", SPI clock " + SpiSpeed.Format(_spidev.ClockHz) + ", " + _spidev.TransferLimit + " bytes per transfer (spidev bufsiz)",
                Array.Empty<string>(),
                fields,
                inventory,
                inventoryFields);
        }

        public override void Dispose() => _spidev.Dispose();
    }
}
