using System.Runtime.CompilerServices;
using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Argument checks for options and inputs. Every failure is an <see cref="ArgumentException"/> whose parameter name
/// is the expression the caller passed, so an options field shows up as e.g. "MaxPickupKm".
/// </summary>
internal static class Guard
{
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value >= 0 ? value : throw Fail(name, value, "must be finite and not negative");

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value > 0 ? value : throw Fail(name, value, "must be finite and greater than zero");

    /// <summary>(0, 1): a probability that must be neither impossible nor certain.</summary>
    public static double OpenFraction(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is > 0 and < 1 ? value : throw Fail(name, value, "must be greater than 0 and less than 1");

    /// <summary>(0, 1]: a probability that may be certain but not impossible.</summary>
    public static double OpenFractionOrOne(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is > 0 and <= 1 ? value : throw Fail(name, value, "must be greater than 0 and at most 1");

    public static double InRange(double value, double min, double max,
        [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= min && value <= max ? value : throw Fail(name, value, $"must be between {min} and {max}");

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw Fail(name, value, "must not be negative");

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 ? value : throw Fail(name, value, "must be greater than zero");

    public static decimal NonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw Fail(name, value, "must not be negative");

    public static decimal Fraction(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is >= 0 and <= 1 ? value : throw Fail(name, value, "must be between 0 and 1");

    public static TimeSpan Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > TimeSpan.Zero ? value : throw Fail(name, value, "must be longer than zero");

    public static TimeSpan NonNegative(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= TimeSpan.Zero ? value : throw Fail(name, value, "must not be negative");

    /// <summary>Fails naming <paramref name="upperName"/> unless <paramref name="lower"/> &lt;= <paramref name="upper"/>.</summary>
    public static void NotBelow(double lower, double upper, string lowerName, string upperName)
    {
        if (upper < lower)
            throw Fail(upperName, upper, $"must not be below {lowerName} ({lower})");
    }

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"{name} must not be empty.", name);

    public static LatLng Point(LatLng point, [CallerArgumentExpression(nameof(point))] string? name = null) =>
        point.Lat is >= -90 and <= 90 && point.Lng is >= -180 and <= 180
            ? point
            : throw new ArgumentOutOfRangeException(name, point,
                $"{name} must have a latitude in [-90, 90] and a longitude in [-180, 180].");

    private static ArgumentOutOfRangeException Fail(string? name, object value, string rule) =>
        new(name, value, $"{name} {rule}.");
}
