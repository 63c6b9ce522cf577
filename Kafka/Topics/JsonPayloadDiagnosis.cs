using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SupplyGrid.Kafka;

/// <summary>
/// Tells apart, after System.Text.Json refused a value, malformed JSON, a missing required property and a value that
/// does not fit the type. The serializer raises one exception type for all three, so the payload is re-read (only
/// for bad records) instead of parsing exception messages.
/// </summary>
internal static class JsonPayloadDiagnosis
{
    public static RecordRejection Explain(ReadOnlySpan<byte> value, JsonTypeInfo typeInfo, JsonException error)
    {
        if (!TryReadTopLevelPropertyNames(value, typeInfo.Options, out var present))
            return new RecordRejection(DeadLetterReason.MalformedJson, error.Message, error);

        if (present is not null)
        {
            var missing = typeInfo.Properties.Where(p => p.IsRequired && !present.Contains(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
                return new RecordRejection(
                    DeadLetterReason.MissingRequiredField, $"required propert{(missing.Count == 1 ? "y" : "ies")} missing: {string.Join(", ", missing)}", error);
        }

        return new RecordRejection(DeadLetterReason.SchemaMismatch, error.Message, error);
    }

    /// <returns>False when the value is not well-formed JSON; <paramref name="names"/> is null when it is not an object.</returns>
    private static bool TryReadTopLevelPropertyNames(ReadOnlySpan<byte> value, JsonSerializerOptions options, out HashSet<string>? names)
    {
        names = null;
        var reader = new Utf8JsonReader(value, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
        });
        try
        {
            if (!reader.Read())
                return false;
            if (reader.TokenType == JsonTokenType.StartObject)
                names = new HashSet<string>(options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    names?.Add(reader.GetString()!);
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
