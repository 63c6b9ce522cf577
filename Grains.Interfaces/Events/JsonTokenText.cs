using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SupplyGrid.Grains.Events;

/// <summary>Shows the offending JSON value in an error message, bounded so a huge value cannot flood a log line.</summary>
internal static class JsonTokenText
{
    private const int MaxShown = 40;

    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Quote(reader.GetString() ?? string.Empty),
        JsonTokenType.Number => "the number " + Shorten(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    public static string Quote(string value) => "'" + Shorten(value) + "'";

    private static string Shorten(string value) => value.Length <= MaxShown ? value : value[..MaxShown] + "...";
}
