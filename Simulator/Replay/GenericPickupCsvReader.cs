using System.Globalization;
using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Reads a simple pickup file: <c>time,lat,lng</c> or <c>time,lat,lng,dropoff_lat,dropoff_lng</c> per line, an
/// optional header line, empty dropoff fields allowed. A time with an offset (<c>2026-11-22T08:15:00Z</c>,
/// <c>...+08:00</c>) is that instant; a time without one (<c>2026-11-22 08:15:00</c>) is local city time.
/// Rows that cannot be read are counted and described in the report, never thrown.
/// </summary>
public static class GenericPickupCsvReader
{
    private const int PickupOnlyFields = 3;
    private const int WithDropoffFields = 5;

    public static ReplayData Read(string path, CityMap city, ReplayReadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path);
        return Read(reader, city, options);
    }

    public static ReplayData Read(TextReader reader, CityMap city, ReplayReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var collector = new ReplayCollector(city, options);
        Span<Range> fields = stackalloc Range[WithDropoffFields + 1];
        int lineNumber = 0;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            var line = text.AsSpan();
            if (line.IsWhiteSpace())
                continue;
            int count = CsvLine.Split(line, fields);
            if (lineNumber == 1 && CsvLine.LooksLikeHeader(line, fields[0]))
                continue;
            if (ParseRow(line, fields[..Math.Min(count, fields.Length)], collector.TimeZone, out var utc, out var local, out var pickup, out var dropoff) is { } problem)
            {
                collector.Malformed(lineNumber, problem);
                continue;
            }
            collector.Add(utc, local, pickup, dropoff, ReadOnlySpan<char>.Empty);
        }
        return collector.Build();
    }

    private static string? ParseRow(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields, TimeZoneInfo zone,
        out DateTimeOffset utc, out DateTime local, out LatLng pickup, out LatLng? dropoff)
    {
        utc = default;
        local = default;
        pickup = default;
        dropoff = null;
        if (fields.Length is not (PickupOnlyFields or WithDropoffFields))
            return $"expected {PickupOnlyFields} fields (time,lat,lng) or {WithDropoffFields} (time,lat,lng,dropoff_lat,dropoff_lng), found {(fields.Length > WithDropoffFields ? "more" : fields.Length.ToString(CultureInfo.InvariantCulture))}";

        var timeText = CsvLine.Field(line, fields[0]);
        if (!TryParseTime(timeText, zone, out utc, out local))
            return $"time '{timeText}' is not an ISO-8601 time such as 2026-11-22T08:15:00Z or 2026-11-22 08:15:00 (local)";
        if (CsvLine.TryPoint(CsvLine.Field(line, fields[1]), CsvLine.Field(line, fields[2]), "pickup", out pickup) is { } pickupProblem)
            return pickupProblem;
        if (fields.Length == WithDropoffFields)
        {
            var lat = CsvLine.Field(line, fields[3]);
            var lng = CsvLine.Field(line, fields[4]);
            if (lat.IsEmpty != lng.IsEmpty)
                return "dropoff latitude and longitude must both be given or both be empty";
            if (!lat.IsEmpty)
            {
                if (CsvLine.TryPoint(lat, lng, "dropoff", out var end) is { } dropoffProblem)
                    return dropoffProblem;
                dropoff = end;
            }
        }
        return null;
    }

    private static bool TryParseTime(ReadOnlySpan<char> text, TimeZoneInfo zone, out DateTimeOffset utc, out DateTime local)
    {
        utc = default;
        local = default;
        if (text.IsEmpty || !char.IsAsciiDigit(text[0])
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            local = parsed;
            utc = CityTime.ToUtc(parsed, zone);
            return true;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return false;
        utc = instant.ToUniversalTime();
        local = CityTime.ToLocal(utc, zone);
        return true;
    }
}
