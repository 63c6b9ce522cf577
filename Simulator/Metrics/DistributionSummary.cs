namespace SupplyGrid.Simulator;

/// <summary>
/// Count, mean and nearest-rank percentiles of a sample (p50 = the value at rank ceil(0.5 n) of the sorted sample).
/// All zero for an empty sample.
/// </summary>
public readonly record struct DistributionSummary(int Count, double Mean, double P50, double P90)
{
    public static DistributionSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            return default;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new DistributionSummary(sorted.Length, sorted.Average(), NearestRank(sorted, 0.5), NearestRank(sorted, 0.9));
    }

    private static double NearestRank(double[] sorted, double quantile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
