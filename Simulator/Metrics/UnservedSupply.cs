namespace SupplyGrid.Simulator;

/// <summary>
/// Where the free drivers were when a booking expired unserved: whether moving drivers could have served it, or
/// the drivers around were too few for the bookings waiting.
/// </summary>
public enum UnservedSupply
{
    /// <summary>A free driver was within the dispatcher's reach (they declined the job, or became free too late).</summary>
    InReach,

    /// <summary>
    /// Nobody free in reach, but within <see cref="UnservedSupplyKm.Area"/> km at least as many free drivers as
    /// bookings waiting for one: supply was misplaced, the case repositioning is for.
    /// </summary>
    Misplaced,

    /// <summary>
    /// Within <see cref="UnservedSupplyKm.Area"/> km fewer free drivers than bookings waiting: moving the drivers
    /// around could not have served them all.
    /// </summary>
    Short,
}

/// <summary>The area whose free drivers and waiting bookings decide between <see cref="UnservedSupply.Misplaced"/> and <see cref="UnservedSupply.Short"/>.</summary>
public static class UnservedSupplyKm
{
    /// <summary>
    /// 10 km around the pickup: twice the grid's widened reposition search (DOMAIN.md: 5 km), about half an hour's
    /// drive in a peak; a driver farther away is no realistic answer to a booking that waits a few minutes.
    /// </summary>
    public const double Area = 10;
}
