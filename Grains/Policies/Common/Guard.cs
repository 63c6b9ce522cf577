using System.Runtime.CompilerServices;

namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Argument checks shared by the policies and their options. Every failure is an
/// <see cref="ArgumentOutOfRangeException"/> (an <see cref="ArgumentException"/>) whose parameter name is the
/// expression the caller passed, so an options field shows up as e.g. "Cap" and a request field as
/// "request.DistanceKm".
/// </summary>
internal static class Guard
{
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) ? value : throw Fail(name, value, "must be a finite number");

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value >= 0 ? value : throw Fail(name, value, "must be finite and not negative");

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value > 0 ? value : throw Fail(name, value, "must be finite and greater than zero");

    public static double Fraction(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is >= 0 and <= 1 ? value : throw Fail(name, value, "must be between 0 and 1");

    /// <summary>(0, 1]: a weight or share that must not be zero.</summary>
    public static double PositiveFraction(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is > 0 and <= 1 ? value : throw Fail(name, value, "must be greater than 0 and at most 1");

    /// <summary>(0, 1): a share that must be neither none nor all.</summary>
    public static double OpenFraction(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is > 0 and < 1 ? value : throw Fail(name, value, "must be greater than 0 and less than 1");

    public static double InRange(double value, double min, double max,
        [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= min && value <= max ? value : throw Fail(name, value, $"must be between {min} and {max}");

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw Fail(name, value, "must not be negative");

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 ? value : throw Fail(name, value, "must be greater than zero");

    public static decimal NonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw Fail(name, value, "must not be negative");

    public static decimal Positive(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 ? value : throw Fail(name, value, "must be greater than zero");

    public static TimeSpan NonNegative(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= TimeSpan.Zero ? value : throw Fail(name, value, "must not be negative");

    public static TimeSpan Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > TimeSpan.Zero ? value : throw Fail(name, value, "must be longer than zero");

    /// <summary>Fails naming <paramref name="upperName"/> unless <paramref name="lower"/> &lt; <paramref name="upper"/>.</summary>
    public static void Ascending(double lower, double upper, string lowerName, string upperName)
    {
        if (!(lower < upper))
        {
            throw Fail(upperName, upper, $"must be greater than {lowerName} ({lower})");
        }
    }

    /// <summary>Fails naming <paramref name="upperName"/> unless <paramref name="lower"/> &lt;= <paramref name="upper"/>.</summary>
    public static void NotBelow(decimal lower, decimal upper, string lowerName, string upperName)
    {
        if (upper < lower)
        {
            throw Fail(upperName, upper, $"must not be below {lowerName} ({lower})");
        }
    }

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"{name} must not be empty.", name);

    private static ArgumentOutOfRangeException Fail(string? name, object value, string rule) =>
        new(name, value, $"{name} {rule}.");
}
