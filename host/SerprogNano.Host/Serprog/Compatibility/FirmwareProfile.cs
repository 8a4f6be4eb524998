using System.Collections.Generic;

namespace SerprogNano.Host.Serprog.Compatibility
{
    /// <summary>A serprog firmware the host knows from its source, and how to drive it safely.</summary>
    public sealed record FirmwareProfile
    {
        public required string Id { get; init; }

        public required string Title { get; init; }

        /// <summary>Where the facts come from.</summary>
        public required string Source { get; init; }

        /// <summary>Exact Q_PGMNAME, or null when <see cref="NamePrefix"/> decides.</summary>
        public string? Name { get; init; }

        public string? NamePrefix { get; init; }

        /// <summary>The exact Q_CMDMAP (opcodes), or null when any map goes with the name.</summary>
        public IReadOnlySet<byte>? CommandMap { get; init; }

        /// <summary>Bytes that may be sent ahead of the replies (further capped by Q_SERBUF); null: stop-and-wait.</summary>
        public int? SendAheadLimit { get; init; }

        public int? MaxWriteLength { get; init; }

        public int? MaxReadLength { get; init; }

        /// <summary>Commands the firmware lists but must not be sent, with the reason.</summary>
        public required IReadOnlyDictionary<byte, string> Avoid { get; init; }

        /// <summary>Why this way of driving it is safe, from its source.</summary>
        public required string Why { get; init; }
    }
}
