namespace SupplyGrid.Grains.Policies;

/// <summary>A cell's supply/demand ratio and the status it implies.</summary>
/// <param name="Ratio">supply / max(demand, epsilon); exactly 1 for a quiet cell.</param>
/// <param name="Status">The status band the ratio falls in.</param>
/// <param name="IsQuiet">Neither demand nor supply reaches epsilon: nothing is happening, which is not a crisis.</param>
public readonly record struct ImbalanceAssessment(double Ratio, SupplyStatus Status, bool IsQuiet)
{
    /// <summary>Critical or undersupplied: the cell needs drivers.</summary>
    public bool IsDeficit => Status is SupplyStatus.Critical or SupplyStatus.Undersupplied;
}
