using System.Buffers;
using System.Globalization;

namespace SupplyGrid.Grains.Events;

/// <summary>
/// The per-field checks the topic contracts are made of. Each returns null when the value passes, otherwise a
/// message that starts with the field's JSON name and shows the offending value. Passing values cost no allocation.
/// </summary>
internal static class FieldRules
{
    public const int MaxIdLength = 64;

    private static readonly SearchValues<char> ControlCharacters =
        SearchValues.Create([.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(char.IsControl)]);

    public static string? Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return $"{field} must not be empty";
        if (value.Length > MaxIdLength)
            return string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {MaxIdLength} characters (was {value.Length})");
        return HasControlCharacter(value) ? $"{field} must not contain control characters" : null;
    }

    public static string? OptionalId(string? value, string field) => value is null ? null : Id(value, field);

    /// <summary>Free text (a reason, a place name): bounded, single-line, may be empty.</summary>
    public static string? OptionalText(string? value, int maxLength, string field)
    {
        if (value is null)
            return null;
        if (value.Length > maxLength)
            return string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {maxLength} characters (was {value.Length})");
        return HasControlCharacter(value) ? $"{field} must not contain control characters" : null;
    }

    public static string? Latitude(double value, string field) => InRange(value, -90, 90, field);

    public static string? Longitude(double value, string field) => InRange(value, -180, 180, field);

    /// <summary>Both coordinates of a point, or neither.</summary>
    public static string? OptionalPoint(double? lat, double? lng, string latField, string lngField) =>
        (lat, lng) switch
        {
            (null, null) => null,
            ({ } a, { } b) => Latitude(a, latField) ?? Longitude(b, lngField),
            (null, _) => $"{latField} must be given with {lngField}",
            (_, null) => $"{lngField} must be given with {latField}",
        };

    public static string? InRange(double value, double min, double max, string field) =>
        value >= min && value <= max
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{field} must be a finite number in [{min}, {max}] (was {value})");

    public static string? Fraction(double value, string field) => InRange(value, 0, 1, field);

    public static string? NonNegative(double value, string field) =>
        double.IsFinite(value) && value >= 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{field} must be a finite number >= 0 (was {value})");

    public static string? NonNegative(decimal value, string field) =>
        value >= 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{field} must be >= 0 (was {value})");

    public static string? NonNegative(int value, string field) =>
        value >= 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{field} must be >= 0 (was {value})");

    /// <summary>Compass degrees clockwise from north: [0, 360).</summary>
    public static string? Heading(double value, string field) =>
        value >= 0 && value < 360 ? null : string.Create(CultureInfo.InvariantCulture, $"{field} must be a finite number in [0, 360) (was {value})");

    /// <summary>Rejects values outside the enum; JSON cannot produce them, code that builds records can.</summary>
    public static string? Known<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : $"{field} has an unknown value ({value})";

    /// <summary>An ISO 4217 code: three capital letters.</summary>
    public static string? Currency(string? value, string field) =>
        CurrencyCode.IsValid(value)
            ? null
            : $"{field} must be a three-letter ISO 4217 code such as SGD (was {Show(value)})";

    /// <summary>An event time within [now - MaxEventAge, now + MaxClockSkew].</summary>
    public static string? EventTime(DateTimeOffset value, string field, DateTimeOffset now, EventValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (value < now - options.MaxEventAge)
            return string.Create(CultureInfo.InvariantCulture, $"{field} {Time(value)} is more than {Span(options.MaxEventAge)} before now ({Time(now)})");
        if (value > now + options.MaxClockSkew)
            return string.Create(CultureInfo.InvariantCulture, $"{field} {Time(value)} is more than {Span(options.MaxClockSkew)} after now ({Time(now)})");
        return null;
    }

    /// <summary>Requires <paramref name="later"/> strictly after <paramref name="earlier"/>.</summary>
    public static string? After(DateTimeOffset later, DateTimeOffset earlier, string laterField, string earlierField) =>
        later > earlier ? null : $"{laterField} {Time(later)} must be after {earlierField} {Time(earlier)}";

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>"24 h", "5 min", "26 min 30 s"; spans with a fraction of a second, or not positive, as [-]d.hh:mm:ss.fffffff.</summary>
    public static string Span(TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0)
            return value.ToString("c", CultureInfo.InvariantCulture);
        var parts = new List<string>(3);
        if ((long)value.TotalHours is > 0 and var hours)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{hours} h"));
        if (value.Minutes > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Minutes} min"));
        if (value.Seconds > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Seconds} s"));
        return string.Join(' ', parts);
    }

    private static string Show(string? value) => value is null ? "null" : JsonTokenText.Quote(value);

    private static bool HasControlCharacter(string value) => value.AsSpan().ContainsAny(ControlCharacters);
}
