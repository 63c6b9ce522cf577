namespace SupplyGrid.Grains.Policies;

/// <summary>A driver who might be asked to move.</summary>
/// <param name="DriverId">The driver's id; ties are broken by it (ordinal).</param>
/// <param name="SourceCell">The H3 cell the driver is in.</param>
/// <param name="DistanceKm">Straight-line distance to the target cell's centre.</param>
/// <param name="AcceptanceProbability">From <see cref="AcceptancePropensityModel"/> for the offer they would get.</param>
/// <param name="Available">Online and free (not busy, on a trip, on a break or suspect).</param>
/// <param name="HasLiveOffer">Already holds an offer that has not ended.</param>
public readonly record struct RepositionCandidate(
    string DriverId,
    ulong SourceCell,
    double DistanceKm,
    double AcceptanceProbability,
    bool Available,
    bool HasLiveOffer);
