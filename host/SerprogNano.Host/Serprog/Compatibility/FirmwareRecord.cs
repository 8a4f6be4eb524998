using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SerprogNano.Host.Serprog.Compatibility
{
    /// <summary>The shape of firmwares.json.</summary>
    internal sealed class FirmwareFile
    {
        public List<FirmwareRecord>? Firmwares { get; set; }
    }

    /// <summary>One firmwares.json entry as written; <see cref="FirmwareProfiles"/> checks it.</summary>
    internal sealed class FirmwareRecord
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? Source { get; set; }

        public string? Name { get; set; }

        public string? NamePrefix { get; set; }

        public List<string>? CommandMap { get; set; }

        public int? SendAheadLimit { get; set; }

        public int? MaxWriteLength { get; set; }

        public int? MaxReadLength { get; set; }

        public List<AvoidedRecord>? Avoid { get; set; }

        public string? Why { get; set; }
    }

    internal sealed class AvoidedRecord
    {
        public string? Command { get; set; }

        public string? Why { get; set; }
    }

    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
    [JsonSerializable(typeof(FirmwareFile))]
    internal sealed partial class FirmwareJsonContext : JsonSerializerContext
    {
    }
}
