namespace SupplyGrid.Grains.Policies;

/// <summary>One move to offer, in the order the plan chose them.</summary>
public readonly record struct PlannedOffer(
    string DriverId,
    ulong SourceCell,
    double DistanceKm,
    double TravelMinutes,
    double AcceptanceProbability);
