using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>
/// Every time on the wire is ISO-8601 with an explicit offset and is held as UTC. A time without an offset is
/// rejected: "10:00" means a different instant on every machine that reads it. Another offset than UTC is an
/// unambiguous instant and is converted. Times are written in UTC with a "Z".
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Example = "2026-11-22T10:42:00Z";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            throw new JsonException($"{JsonTokenText.Describe(ref reader)} is not an ISO-8601 time such as {Example}.");
        // The offset-less form parses as local time; only DateTime's Kind tells the two apart without re-parsing text.
        if (reader.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified)
            throw new JsonException($"{JsonTokenText.Describe(ref reader)} has no UTC offset; write times as ISO-8601 UTC such as {Example}.");
        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
