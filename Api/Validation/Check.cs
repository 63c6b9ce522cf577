using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SupplyGrid.Api.Problems;
using SupplyGrid.Geo;

namespace SupplyGrid.Api.Validation;

/// <summary>
/// Field checks for request bodies and parameters. Each adds an error under the field's snake_case name and returns
/// false when the value is missing or wrong, so an endpoint collects every problem before answering once.
/// </summary>
internal static class Check
{
    /// <summary>The grid's id rule (as in the topic contracts): 1 to 64 characters, not blank, no control characters.</summary>
    public const int MaxIdLength = 64;

    public const int MaxCityIdLength = 64;

    public static bool Required<T>(FieldErrors errors, string field, [NotNullWhen(true)] T? value)
        where T : class
    {
        if (value is not null)
            return true;
        errors.Add(field, $"{field} is required.");
        return false;
    }

    public static bool Required<T>(FieldErrors errors, string field, [NotNullWhen(true)] T? value)
        where T : struct
    {
        if (value.HasValue)
            return true;
        errors.Add(field, $"{field} is required.");
        return false;
    }

    public static bool Id(FieldErrors errors, string field, [NotNullWhen(true)] string? value)
    {
        if (!Required(errors, field, value))
            return false;
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, $"{field} must not be blank.");
        else if (value.Length > MaxIdLength)
            errors.Add(field, $"{field} must be at most {MaxIdLength} characters (was {value.Length}).");
        else if (value.AsSpan().ContainsAnyInRange('\0', '\u001f') || value.Contains('\u007f'))
            errors.Add(field, $"{field} must not contain control characters.");
        else
            return true;
        return false;
    }

    /// <summary>An optional id: absent is fine, present must pass <see cref="Id"/>.</summary>
    public static bool OptionalId(FieldErrors errors, string field, string? value) => value is null || Id(errors, field, value);

    /// <summary>The configured city id rule: 1 to 64 lowercase letters, digits, '-' or '_'.</summary>
    public static bool CityId(FieldErrors errors, string field, [NotNullWhen(true)] string? value)
    {
        if (!Required(errors, field, value))
            return false;
        if (value.Length is 0 or > MaxCityIdLength || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            errors.Add(field, $"{field} must be 1 to {MaxCityIdLength} lowercase letters, digits, '-' or '_'.");
            return false;
        }

        return true;
    }

    public static bool Latitude(FieldErrors errors, string field, [NotNullWhen(true)] double? value) => InRange(errors, field, value, -90, 90);

    public static bool Longitude(FieldErrors errors, string field, [NotNullWhen(true)] double? value) => InRange(errors, field, value, -180, 180);

    public static bool InRange(FieldErrors errors, string field, [NotNullWhen(true)] double? value, double min, double max)
    {
        if (!Required(errors, field, value))
            return false;
        if (double.IsFinite(value.Value) && value.Value >= min && value.Value <= max)
            return true;
        errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be a number in [{min}, {max}] (was {value.Value})."));
        return false;
    }

    public static bool InRange(FieldErrors errors, string field, int value, int min, int max)
    {
        if (value >= min && value <= max)
            return true;
        errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be {min} to {max} (was {value})."));
        return false;
    }

    /// <summary>A money amount: greater than zero, at most <paramref name="max"/>, whole cents.</summary>
    public static bool Amount(FieldErrors errors, string field, [NotNullWhen(true)] decimal? value, decimal max)
    {
        if (!Required(errors, field, value))
            return false;
        var amount = value.Value;
        if (amount <= 0 || amount > max)
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be greater than 0 and at most {max} (was {amount})."));
        else if (decimal.Round(amount, 2) != amount)
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{field} must have at most 2 decimal places (was {amount})."));
        else
            return true;
        return false;
    }

    /// <summary>An H3 cell index in hexadecimal (either case); the grid's lowercase form is returned.</summary>
    public static bool Cell(FieldErrors errors, string field, string? value, out H3Index cell)
    {
        cell = default;
        if (!Required(errors, field, value))
            return false;
        if (H3Index.TryParse(value, out cell) && H3.IsValidCell(cell))
            return true;
        errors.Add(field, $"{field} must be an H3 cell index in hexadecimal such as 8865229a1bfffff (was '{Shorten(value)}').");
        return false;
    }

    /// <summary>Free text: not blank, at most <paramref name="maxLength"/> characters, no control characters but line breaks.</summary>
    public static bool Text(FieldErrors errors, string field, [NotNullWhen(true)] string? value, int maxLength)
    {
        if (!Required(errors, field, value))
            return false;
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, $"{field} must not be blank.");
        else if (value.Length > maxLength)
            errors.Add(field, $"{field} must be at most {maxLength} characters (was {value.Length}).");
        else if (value.Any(c => char.IsControl(c) && c != '\n'))
            errors.Add(field, $"{field} must not contain control characters other than line breaks.");
        else
            return true;
        return false;
    }

    /// <summary>Optional single-line text of at most <paramref name="maxLength"/> characters.</summary>
    public static bool OptionalText(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (value is null)
            return true;
        if (value.Length > maxLength)
            errors.Add(field, $"{field} must be at most {maxLength} characters (was {value.Length}).");
        else if (value.Any(char.IsControl))
            errors.Add(field, $"{field} must not contain control characters.");
        else
            return true;
        return false;
    }

    /// <summary>Shows a bounded prefix of a bad value in a message.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
