using System.Runtime.CompilerServices;

namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Driver ratings are given on a 0..5 scale, but nearly every active driver sits between 4 and 5, so the
/// policies score a rating by where it falls between a floor (worth 0) and a top (worth 1).
/// </summary>
internal static class RatingScale
{
    public const double MaxRating = 5.0;

    public static double Validate(double rating, [CallerArgumentExpression(nameof(rating))] string? name = null) =>
        Guard.InRange(rating, 0, MaxRating, name);

    public static void ValidateBounds(double floor, double top, string floorName, string topName)
    {
        Guard.InRange(floor, 0, MaxRating, floorName);
        Guard.InRange(top, 0, MaxRating, topName);
        Guard.Ascending(floor, top, floorName, topName);
    }

    public static double Score(double rating, double floor, double top) => Math.Clamp((rating - floor) / (top - floor), 0, 1);
}
