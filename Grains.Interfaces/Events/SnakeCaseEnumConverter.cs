using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>
/// Reads and writes an enum as its snake_case name ("on_trip") and accepts nothing else: an unknown name, another
/// casing or a number is rejected with the list of known names, so a producer's typo goes to the dead-letter topic
/// instead of silently becoming some other value.
/// </summary>
public sealed class SnakeCaseEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = Array.ConvertAll(Enum.GetNames<TEnum>(), JsonNamingPolicy.SnakeCaseLower.ConvertName);
    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, Encoding.UTF8.GetBytes);
    private static readonly JsonEncodedText[] EncodedNames = Array.ConvertAll(Names, name => JsonEncodedText.Encode(name));
    private static readonly string Label = JsonNamingPolicy.SnakeCaseLower.ConvertName(typeof(TEnum).Name).Replace('_', ' ');

    /// <summary>The wire name of a defined value ("on_trip"), for messages.</summary>
    internal static string WireName(TEnum value)
    {
        int index = Array.IndexOf(Values, value);
        return index < 0 ? value.ToString() : Names[index];
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            for (int i = 0; i < Utf8Names.Length; i++)
            {
                if (reader.ValueTextEquals(Utf8Names[i]))
                    return Values[i];
            }
        }
        throw new JsonException($"{JsonTokenText.Describe(ref reader)} is not a known {Label}; expected one of: {string.Join(", ", Names)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        int index = Array.IndexOf(Values, value);
        if (index < 0)
            throw new JsonException($"{value} is not a defined {Label}; expected one of: {string.Join(", ", Names)}.");
        writer.WriteStringValue(EncodedNames[index]);
    }
}
