namespace SupplyGrid.Grains.Policies;

/// <summary>A driver dispatch could send to a pickup.</summary>
/// <param name="DriverId">The driver's id; equal scores are ordered by it (ordinal).</param>
/// <param name="DistanceKm">Straight-line distance to the pickup.</param>
/// <param name="AcceptanceRate">Share of dispatched jobs the driver accepts, 0..1.</param>
/// <param name="Rating">Average rider rating, 0..5.</param>
/// <param name="CellSupply">Available drivers in the driver's current cell, the driver included.</param>
/// <param name="CellDemand">Demand in that cell, on the same basis as its status (smoothed).</param>
public readonly record struct OdrdCandidate(
    string DriverId,
    double DistanceKm,
    double AcceptanceRate,
    double Rating,
    double CellSupply,
    double CellDemand);
