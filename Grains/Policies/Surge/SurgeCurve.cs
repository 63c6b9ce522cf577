namespace SupplyGrid.Grains.Policies;

/// <summary>The base surge multiplier from the brief's piecewise curve on r' = demand / supply.</summary>
public static class SurgeCurve
{
    /// <summary>
    /// r' &lt;= 1: 1.0; r' &lt;= 2: 1 + 0.5 (r' - 1); above: 1.5 + min(0.3 (r' - 2), 3.5), which tops out at 5.0 from
    /// r' = 13.67. Zero supply with demand gives <paramref name="cap"/>; zero supply and zero demand give 1.0.
    /// The result is not capped otherwise: the cap is applied once, after the business multipliers.
    /// </summary>
    public static double BaseMultiplier(double demand, double supply, double cap)
    {
        Guard.NonNegative(demand);
        Guard.NonNegative(supply);
        Guard.InRange(cap, 1, double.MaxValue);
        if (supply == 0)
        {
            return demand > 0 ? cap : 1.0;
        }

        var pressure = demand / supply;
        return pressure <= 1 ? 1.0
            : pressure <= 2 ? 1 + 0.5 * (pressure - 1)
            : 1.5 + Math.Min(0.3 * (pressure - 2), 3.5);
    }
}
