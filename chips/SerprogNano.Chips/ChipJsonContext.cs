using System.Text.Json.Serialization;

namespace SerprogNano.Chips
{
    /// <summary>Source-generated (trim- and AOT-safe) serializer for chips.json.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        UseStringEnumConverter = true)]
    [JsonSerializable(typeof(ChipDatabaseFile))]
    internal sealed partial class ChipJsonContext : JsonSerializerContext
    {
    }
}
