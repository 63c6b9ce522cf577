using SupplyGrid.Api.History;

namespace SupplyGrid.Api.Analytics;

/// <summary>
/// The least efficient surge zones: cells where riders paid surge and supply still did not cover demand. Each zone has
/// two terms on different scales, the mean surge excess (multiplier - 1, between 0 and the cap minus 1) and the mean
/// unmet share of demand (0 to 1); each is divided by its largest value among the city's surge zones in the window, so
/// both lie in [0, 1] and weigh the same. The inefficiency is their mean, rounded to <see cref="ScoreDecimals"/>
/// decimals so that zones equal up to floating-point noise tie; ties are ordered by cell id (ordinal), so the answer
/// is deterministic.
/// </summary>
public static class SurgeEfficiency
{
    public const int ScoreDecimals = 6;

    /// <summary>The <paramref name="limit"/> zones with the highest inefficiency, least efficient first.</summary>
    public static IReadOnlyList<SurgeZoneEfficiency> LeastEfficient(IReadOnlyList<SurgeZoneFigures> zones, int limit)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (zones.Count == 0)
            return [];
        double maxExcess = 0, maxUnmet = 0;
        foreach (var zone in zones)
        {
            maxExcess = Math.Max(maxExcess, zone.MeanSurge - 1);
            maxUnmet = Math.Max(maxUnmet, zone.MeanUnmetShare);
        }

        var scored = new SurgeZoneEfficiency[zones.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            var zone = zones[i];
            var surgeTerm = Share(zone.MeanSurge - 1, maxExcess);
            var unmetTerm = Share(zone.MeanUnmetShare, maxUnmet);
            scored[i] = new SurgeZoneEfficiency(0, zone.Cell, Math.Round((surgeTerm + unmetTerm) / 2, ScoreDecimals),
                Math.Round(surgeTerm, ScoreDecimals), Math.Round(unmetTerm, ScoreDecimals), zone.MeanSurge, zone.MeanUnmetShare,
                zone.MeanSupply, zone.MeanDemand, zone.Minutes, zone.SurgingMinutes);
        }

        Array.Sort(scored, static (a, b) =>
        {
            var byScore = b.Inefficiency.CompareTo(a.Inefficiency);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Cell, b.Cell);
        });
        var top = new SurgeZoneEfficiency[Math.Min(limit, scored.Length)];
        for (var i = 0; i < top.Length; i++)
            top[i] = scored[i] with { Rank = i + 1 };
        return top;
    }

    private static double Share(double value, double max) => max > 0 ? Math.Clamp(value / max, 0, 1) : 0;
}

/// <summary>One surge zone's place in the ranking and the figures behind it.</summary>
/// <param name="Rank">1 for the least efficient.</param>
/// <param name="Cell">H3 index, lowercase hexadecimal.</param>
/// <param name="Inefficiency">(surge term + unmet term) / 2, in [0, 1].</param>
/// <param name="SurgeTerm">Mean surge excess over the largest among the window's surge zones.</param>
/// <param name="UnmetTerm">Mean unmet share of demand over the largest among the window's surge zones.</param>
/// <param name="MeanSurge">Mean multiplier over the recorded minutes.</param>
/// <param name="MeanUnmetShare">Mean of max(0, demand - supply) / demand over the recorded minutes.</param>
/// <param name="MeanSupply">Mean smoothed supply.</param>
/// <param name="MeanDemand">Mean smoothed demand.</param>
/// <param name="Minutes">Recorded minutes in the window.</param>
/// <param name="SurgingMinutes">Of those, with a multiplier above 1.</param>
public sealed record SurgeZoneEfficiency(
    int Rank,
    string Cell,
    double Inefficiency,
    double SurgeTerm,
    double UnmetTerm,
    double MeanSurge,
    double MeanUnmetShare,
    double MeanSupply,
    double MeanDemand,
    int Minutes,
    int SurgingMinutes);

/// <summary>GET /api/analytics/{city}/surge-efficiency.</summary>
/// <param name="SurgeZones">How many cells surged in the window (the population the terms are normalised over).</param>
public sealed record SurgeEfficiencyResponse(string CityId, DateTimeOffset From, DateTimeOffset To, int SurgeZones, IReadOnlyList<SurgeZoneEfficiency> Zones);
