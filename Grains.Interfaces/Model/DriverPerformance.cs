using Orleans;
namespace SupplyGrid.Grains;

/// <summary>
/// A driver's track record as the driver grain shares it with cells and the ranking: the performance platform's
/// figures (driver_real_performance) and the grid's own count of reposition offers answered.
/// </summary>
/// <param name="AcceptanceRate">Share of dispatched jobs accepted, 0..1.</param>
/// <param name="CancellationRate">Share of accepted jobs cancelled, 0..1.</param>
/// <param name="Rating">Average rider rating, 0..5.</param>
/// <param name="CompletedTrips">Trips completed, as the performance platform last reported them (or counted since).</param>
/// <param name="OffersSeen">Reposition or incentive offers the driver answered or let expire.</param>
/// <param name="OffersAccepted">Of those, how many were accepted.</param>
[GenerateSerializer, Alias("supplygrid.DriverPerformance"), Immutable]
public readonly record struct DriverPerformance(
    double AcceptanceRate,
    double CancellationRate,
    double Rating,
    int CompletedTrips,
    int OffersSeen,
    int OffersAccepted);
