using System.Globalization;

namespace SupplyGrid.Simulator;

/// <summary>
/// Reads the NYC TLC/FiveThirtyEight Uber pickup files of 2014: <c>Date/Time,Lat,Lon,Base</c>, local New York time
/// to the minute. Both spellings of that series are accepted unchanged: the original (quoted fields,
/// <c>"4/1/2014 0:11:00"</c>) and the re-saved one (<c>2014/4/1 00:11:00</c>), with LF or CRLF line endings.
/// Rows that cannot be read are counted and described in the report, never thrown.
/// </summary>
public static class NycUberCsvReader
{
    private const int FieldCount = 4;

    private static readonly string[] TimeFormats =
    [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
    ];

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
        Span<Range> fields = stackalloc Range[FieldCount + 1];
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
            if (count != FieldCount)
            {
                collector.Malformed(lineNumber, $"expected {FieldCount} fields (Date/Time,Lat,Lon,Base), found {(count > FieldCount ? "more" : count.ToString(CultureInfo.InvariantCulture))}");
                continue;
            }
            var timeText = CsvLine.Field(line, fields[0]);
            if (!DateTime.TryParseExact(timeText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                collector.Malformed(lineNumber, $"time '{timeText}' is not like 2014/4/1 00:11:00 or 4/1/2014 0:11:00");
                continue;
            }
            if (CsvLine.TryPoint(CsvLine.Field(line, fields[1]), CsvLine.Field(line, fields[2]), "pickup", out var pickup) is { } problem)
            {
                collector.Malformed(lineNumber, problem);
                continue;
            }
            collector.Add(CityTime.ToUtc(local, collector.TimeZone), local, pickup, null, CsvLine.Field(line, fields[3]));
        }
        return collector.Build();
    }
}
