namespace SupplyGrid.Simulator;

/// <summary>
/// Where the free drivers were when a booking expired unserved: whether moving drivers could have served it or the
/// city had nobody to spare.
/// </summary>
public enum UnservedSupply
{
    /// <summary>A free driver was within the dispatcher's reach (they declined the job, or became free too late).</summary>
    InReach,

    /// <summary>
    /// No free driver within reach, but one within <see cref="UnservedSupplyKm.Misplaced"/> km: supply was misplaced,
    /// the case repositioning is for.
    /// </summary>
    Misplaced,

    /// <summary>No free driver within <see cref="UnservedSupplyKm.Misplaced"/> km: the drivers around were all busy.</summary>
    Short,
}

/// <summary>The distance that separates <see cref="UnservedSupply.Misplaced"/> from <see cref="UnservedSupply.Short"/>.</summary>
public static class UnservedSupplyKm
{
    /// <summary>
    /// 10 km: twice the grid's widened reposition search (DOMAIN.md: 5 km), about half an hour's drive in a peak.
    /// A driver farther away is no realistic answer to a booking that waits at most a few minutes.
    /// </summary>
    public const double Misplaced = 10;
}
