namespace SupplyGrid.Postgres.History;

/// <summary>Checks for <see cref="IHistoryRow{TSelf}.Validate"/>, matching common table constraints; each throws naming the field.</summary>
public static class RowCheck
{
    public static void Text(string? value, string field) => StorableText.ThrowIfInvalid(value, field);

    public static void OptionalText(string? value, string field)
    {
        if (value is not null)
            StorableText.ThrowIfInvalid(value, field);
    }

    /// <summary>ISO 4217: three upper-case letters.</summary>
    public static void Currency(string? value, string field)
    {
        if (value is not { Length: 3 } || !value.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"'{value}' is not an ISO 4217 currency code (three upper-case letters).", field);
    }

    public static void NonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(field, value, "must be a finite number, 0 or more.");
    }

    public static void NonNegative(long value, string field)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(field, value, "must be 0 or more.");
    }

    public static void Money(decimal value, string field)
    {
        if (value < 0 || decimal.Round(value, 2) != value || value >= 10_000_000_000m)
            throw new ArgumentOutOfRangeException(field, value, "must be 0 or more, with at most 2 decimals and below 10^10.");
    }

    public static void Fraction(double value, string field)
    {
        if (!double.IsFinite(value) || value is < 0 or > 1)
            throw new ArgumentOutOfRangeException(field, value, "must be between 0 and 1.");
    }

    public static void OneOf(string? value, IReadOnlyCollection<string> allowed, string field)
    {
        if (value is null || !allowed.Contains(value))
            throw new ArgumentException($"'{value}' is not one of: {string.Join(", ", allowed)}.", field);
    }

    /// <summary>The details must be a JSON object or array PostgreSQL jsonb accepts (no \u0000).</summary>
    public static void OptionalJson(System.Text.Json.JsonElement? value, string field)
    {
        if (value is { } json && json.GetRawText().Contains("\\u0000", StringComparison.Ordinal))
            throw new ArgumentException("JSON containing \\u0000 cannot be stored as jsonb.", field);
    }
}
