using System.Collections.Generic;

namespace SerprogNano.Host.Serprog.Compatibility
{
    /// <summary>How the host drives one connected programmer: the profile it matched (if any) and the limits that follow.</summary>
    public sealed record FirmwareDriving
    {
        /// <summary>The matched profile, or null for an unknown firmware.</summary>
        public FirmwareProfile? Profile { get; init; }

        /// <summary>The profile's id, or "unknown".</summary>
        public string Id => Profile?.Id ?? "unknown";

        /// <summary>Bytes sent ahead of the replies; 0 means stop-and-wait (one command, then its whole reply).</summary>
        public int SendAheadBytes { get; init; }

        public bool StopAndWait => SendAheadBytes == 0;

        public int MaxWriteLength { get; init; }

        public int MaxReadLength { get; init; }

        public IReadOnlyDictionary<byte, string> Avoid { get; init; } = new Dictionary<byte, string>();

        /// <summary>One sentence: which profile and why, for `info` and --verbose.</summary>
        public required string Reason { get; init; }

        /// <summary>"stop-and-wait" or "up to N bytes sent ahead".</summary>
        public string Mode => StopAndWait ? "stop-and-wait" : "pipelined, up to " + SendAheadBytes + " bytes ahead";
    }
}
