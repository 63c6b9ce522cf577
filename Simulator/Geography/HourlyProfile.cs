namespace SupplyGrid.Simulator;

/// <summary>A non-negative weight for each hour of the local day (0 = midnight to 1 am).</summary>
public sealed class HourlyProfile
{
    public const int Hours = 24;

    private readonly double[] _weights;

    public HourlyProfile(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != Hours)
            throw new ArgumentException($"A profile has one weight per hour: {Hours} values (got {weights.Count}).", nameof(weights));
        _weights = new double[Hours];
        for (int h = 0; h < Hours; h++)
            _weights[h] = Guard.NonNegative(weights[h], $"weights[{h}]");
    }

    /// <summary>The same weight in every hour.</summary>
    public static HourlyProfile Flat(double weight) => new(Enumerable.Repeat(weight, Hours).ToArray());

    public double this[int hour] => _weights[hour];

    public double Mean => _weights.Average();

    /// <summary>This profile with every weight multiplied by <paramref name="factor"/>.</summary>
    public HourlyProfile Scaled(double factor)
    {
        Guard.NonNegative(factor);
        return new HourlyProfile(Array.ConvertAll(_weights, w => w * factor));
    }
}
