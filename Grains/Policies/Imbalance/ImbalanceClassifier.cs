namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Turns (smoothed) supply and demand into the ratio r = supply / max(demand, epsilon) and a status:
/// critical below 0.3, undersupplied below 0.5, oversupplied above 2.0, balanced between (bounds inclusive
/// on the balanced side).
/// </summary>
/// <remarks>
/// A cell with neither demand nor supply would get r = 0 from the bare formula and look critical. It is
/// reported as quiet instead: ratio 1 (neutral on the heatmap), status balanced. Supply with no demand keeps
/// the formula (r = supply / epsilon, oversupplied): those drivers are idle and free to move.
/// </remarks>
public sealed class ImbalanceClassifier
{
    private readonly double _criticalBelow;
    private readonly double _undersuppliedBelow;
    private readonly double _oversuppliedAbove;
    private readonly double _epsilon;

    public ImbalanceClassifier(ImbalanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _criticalBelow = options.CriticalBelow;
        _undersuppliedBelow = options.UndersuppliedBelow;
        _oversuppliedAbove = options.OversuppliedAbove;
        _epsilon = options.DemandEpsilon;
    }

    /// <summary>The ratio below which a cell is in deficit (DOMAIN.md: 0.5).</summary>
    public double UndersuppliedBelow => _undersuppliedBelow;

    /// <summary>The ratio above which a cell is oversupplied (DOMAIN.md: 2.0).</summary>
    public double OversuppliedAbove => _oversuppliedAbove;

    public ImbalanceAssessment Assess(double supply, double demand)
    {
        Guard.NonNegative(supply);
        Guard.NonNegative(demand);
        if (demand < _epsilon && supply < _epsilon)
        {
            return new ImbalanceAssessment(1.0, SupplyStatus.Balanced, IsQuiet: true);
        }

        var ratio = supply / Math.Max(demand, _epsilon);
        return new ImbalanceAssessment(ratio, StatusOf(ratio), IsQuiet: false);
    }

    /// <summary>The status band of a ratio.</summary>
    public SupplyStatus StatusOf(double ratio)
    {
        Guard.NonNegative(ratio);
        return ratio < _criticalBelow ? SupplyStatus.Critical
            : ratio < _undersuppliedBelow ? SupplyStatus.Undersupplied
            : ratio > _oversuppliedAbove ? SupplyStatus.Oversupplied
            : SupplyStatus.Balanced;
    }

    /// <summary>
    /// How many whole drivers can leave a cell without putting it in deficit (its ratio after they leave stays
    /// at or above the undersupplied threshold, or it becomes quiet). 0 for a cell already in deficit.
    /// </summary>
    public int SpareDrivers(double supply, double demand)
    {
        if (Assess(supply, demand).IsDeficit)
        {
            return 0;
        }

        // The closed form is right up to floating-point rounding; starting one above it and stepping down makes
        // the answer agree exactly with Assess.
        var keep = demand < _epsilon ? 0 : _undersuppliedBelow * demand;
        var spare = (int)Math.Clamp(Math.Floor(supply - keep) + 1, 0, Math.Floor(supply));
        while (spare > 0 && Assess(supply - spare, demand).IsDeficit)
        {
            spare--;
        }

        return spare;
    }
}
