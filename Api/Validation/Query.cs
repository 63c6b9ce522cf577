using System.Globalization;
using SupplyGrid.Api.Problems;

namespace SupplyGrid.Api.Validation;

/// <summary>
/// Query-string values, read as text and parsed here so that a bad one is a 400 naming its parameter rather than the
/// framework's anonymous binding failure.
/// </summary>
internal static class Query
{
    public static int Int(FieldErrors errors, string field, string? text, int fallback, int min, int max)
    {
        if (text is null)
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(field, $"{field} must be a whole number (was '{Check.Shorten(text)}').");
            return fallback;
        }

        Check.InRange(errors, field, value, min, max);
        return value;
    }

    /// <summary>A finite number, or null when absent.</summary>
    public static double? Double(FieldErrors errors, string field, string? text)
    {
        if (text is null)
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        errors.Add(field, $"{field} must be a number (was '{Check.Shorten(text)}').");
        return null;
    }

    /// <summary>An ISO-8601 time with an offset (UTC recommended), or null when absent.</summary>
    public static DateTimeOffset? Time(FieldErrors errors, string field, string? text)
    {
        if (text is null)
            return null;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return value.ToUniversalTime();
        errors.Add(field, $"{field} must be an ISO-8601 time with an offset such as 2026-11-22T10:00:00Z (was '{Check.Shorten(text)}').");
        return null;
    }
}

/// <summary>A [from, to) window of the past.</summary>
internal readonly record struct TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// <summary>
    /// from and to from the query: to defaults to now, from to an hour before to; from must be before to, the window
    /// at most <paramref name="maxRange"/> long, and it may not start in the future.
    /// </summary>
    public static TimeWindow Parse(FieldErrors errors, string? fromText, string? toText, DateTimeOffset now, TimeSpan maxRange)
    {
        var to = Query.Time(errors, "to", toText) ?? now;
        var from = Query.Time(errors, "from", fromText) ?? to - DefaultLength;
        if (errors.Has("from") || errors.Has("to"))
            return new TimeWindow(from, to);
        if (from >= to)
            errors.Add("from", "from must be before to.");
        else if (to - from > maxRange)
            errors.Add("from", $"The window from..to may be at most {maxRange.TotalHours:0.##} hours long.");
        else if (from > now)
            errors.Add("from", "from must not be in the future.");
        return new TimeWindow(from, to);
    }
}
