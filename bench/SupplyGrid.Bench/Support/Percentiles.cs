namespace SupplyGrid.Bench;

internal static class Percentiles
{
    /// <summary>The <paramref name="q"/> quantile of <paramref name="values"/> (nearest rank), 0 when there are none.</summary>
    public static double Of(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
