using System.Globalization;
using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Field access for the simple comma-separated files the replay reads: no commas inside fields, optional double
/// quotes around a field, surrounding spaces ignored.
/// </summary>
internal static class CsvLine
{
    /// <summary>Splits into at most <paramref name="fields"/>.Length fields; returns how many there were (capped).</summary>
    public static int Split(ReadOnlySpan<char> line, Span<Range> fields) => line.Split(fields, ',');

    public static ReadOnlySpan<char> Field(ReadOnlySpan<char> line, Range range)
    {
        var field = line[range].Trim();
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"')
            field = field[1..^1].Trim();
        return field;
    }

    /// <summary>Null when the two fields are a valid latitude and longitude, otherwise why not.</summary>
    public static string? TryPoint(ReadOnlySpan<char> lat, ReadOnlySpan<char> lng, string what, out LatLng point)
    {
        point = default;
        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out double la) || la is not (>= -90 and <= 90))
            return $"{what} latitude '{lat}' is not a number in [-90, 90]";
        if (!double.TryParse(lng, NumberStyles.Float, CultureInfo.InvariantCulture, out double ln) || ln is not (>= -180 and <= 180))
            return $"{what} longitude '{lng}' is not a number in [-180, 180]";
        point = new LatLng(la, ln);
        return null;
    }

    /// <summary>Whether the first line is a header rather than data: its first field does not start with a digit.</summary>
    public static bool LooksLikeHeader(ReadOnlySpan<char> line, Range firstField)
    {
        var first = Field(line, firstField);
        return first.IsEmpty || !char.IsAsciiDigit(first[0]);
    }
}
