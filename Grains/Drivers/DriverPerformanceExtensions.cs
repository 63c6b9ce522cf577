using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Drivers;

internal static class DriverPerformanceExtensions
{
    /// <summary>The policies' view of a driver's record.</summary>
    public static DriverProfile ToProfile(this DriverPerformance p) =>
        new(p.AcceptanceRate, p.CancellationRate, p.Rating, p.CompletedTrips, p.OffersSeen, p.OffersAccepted);
}
