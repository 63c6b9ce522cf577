using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace SupplyGrid.Api.Json;

/// <summary>Durations on the wire are ISO-8601 ("PT5S", "PT1H30M"), the form JSON clients expect, not .NET's "00:00:05".</summary>
internal sealed class Iso8601DurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text)
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
            }
            catch (OverflowException)
            {
            }
        }

        throw new JsonException("is not an ISO-8601 duration such as PT15M or PT1H30M.");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
