namespace SupplyGrid.Simulator;

/// <summary>
/// When drivers start their shifts: weights per local hour chosen so that the number of drivers online follows the
/// city's demand raised to a power (<see cref="FleetOptions.ShiftDemandExponent"/>: below 1 drivers work the peaks,
/// but not only the peaks, and some like the night; 1 in proportion to demand). The weights are fitted once per run by projected gradient descent on
/// <c>| coverage x weights - target |^2</c> with non-negative weights, where coverage[h, s] is the share of hour h that
/// a shift starting in hour s (uniform minute, uniform length between the fleet's bounds) covers.
/// </summary>
internal static class ShiftPlanner
{
    private const int Hours = HourlyProfile.Hours;
    private const int Iterations = 3_000;
    private const double QuietFloor = 0.15;

    /// <param name="demandShares">The share of a day's bookings in each local hour (24 values).</param>
    /// <param name="demandExponent">Drivers online per hour aim at demand to this power (0 flat, 1 proportional).</param>
    public static double[] FitStartWeights(IReadOnlyList<double> demandShares, double minShiftHours, double maxShiftHours, double demandExponent)
    {
        var coverage = Coverage(minShiftHours, maxShiftHours);
        var target = Target(demandShares, demandExponent);
        var weights = new double[Hours];
        Array.Fill(weights, 1.0 / Hours);
        // A step below 1 / (largest eigenvalue of coverage' coverage) converges; that eigenvalue is at most the
        // squared sum of a shift's coverage, the longest shift in hours.
        double step = 0.5 / (maxShiftHours * maxShiftHours);
        var online = new double[Hours];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            for (int h = 0; h < Hours; h++)
            {
                double sum = 0;
                for (int s = 0; s < Hours; s++)
                    sum += coverage[h, s] * weights[s];
                online[h] = sum - target[h];
            }
            for (int s = 0; s < Hours; s++)
            {
                double gradient = 0;
                for (int h = 0; h < Hours; h++)
                    gradient += coverage[h, s] * online[h];
                weights[s] = Math.Max(0, weights[s] - step * gradient);
            }
        }
        double total = weights.Sum();
        return total > 0 ? Array.ConvertAll(weights, w => w / total) : [.. Enumerable.Repeat(1.0 / Hours, Hours)];
    }

    /// <summary>Drivers online per local hour for one driver starting with these weights (for tests and docs).</summary>
    public static double[] OnlineProfile(IReadOnlyList<double> startWeights, double minShiftHours, double maxShiftHours)
    {
        var coverage = Coverage(minShiftHours, maxShiftHours);
        var online = new double[Hours];
        for (int h = 0; h < Hours; h++)
        {
            for (int s = 0; s < Hours; s++)
                online[h] += coverage[h, s] * startWeights[s];
        }
        return online;
    }

    /// <summary>Demand to the exponent, with quiet hours lifted to a floor, relative to the mean hour.</summary>
    private static double[] Target(IReadOnlyList<double> demandShares, double exponent)
    {
        if (demandShares.Count != Hours)
            throw new ArgumentException($"Demand shares are one per hour: {Hours} values.", nameof(demandShares));
        double mean = demandShares.Sum() / Hours;
        var target = new double[Hours];
        for (int h = 0; h < Hours; h++)
            target[h] = mean > 0 ? Math.Pow(Math.Max(demandShares[h] / mean, QuietFloor), exponent) : 1;
        return target;
    }

    private static double[,] Coverage(double minShiftHours, double maxShiftHours)
    {
        const int startSteps = 4, lengthSteps = 8;
        var coverage = new double[Hours, Hours];
        for (int s = 0; s < Hours; s++)
        {
            for (int i = 0; i < startSteps; i++)
            {
                double start = s + (i + 0.5) / startSteps;
                for (int j = 0; j < lengthSteps; j++)
                {
                    double end = start + minShiftHours + (maxShiftHours - minShiftHours) * (j + 0.5) / lengthSteps;
                    for (double hour = Math.Floor(start); hour < end; hour++)
                    {
                        double covered = Math.Min(end, hour + 1) - Math.Max(start, hour);
                        coverage[(int)hour % Hours, s] += covered / (startSteps * lengthSteps);
                    }
                }
            }
        }
        return coverage;
    }
}
