namespace SupplyGrid.Simulator;

/// <summary>Recorded pickups in time order, with the report of how they were read.</summary>
public sealed record ReplayData(IReadOnlyList<ReplayPickup> Pickups, ReplayReadReport Report)
{
    /// <summary>The time of the first pickup; null when there are none.</summary>
    public DateTimeOffset? First => Pickups.Count > 0 ? Pickups[0].Time : null;

    /// <summary>The time of the last pickup; null when there are none.</summary>
    public DateTimeOffset? Last => Pickups.Count > 0 ? Pickups[^1].Time : null;
}
