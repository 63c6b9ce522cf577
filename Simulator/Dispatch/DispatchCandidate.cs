using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// A driver who may take a booking: free (or repositioning towards the pickup's area) and within
/// <see cref="DispatchOptions.MaxPickupKm"/>. The figures are what a dispatch service knows about the driver.
/// </summary>
/// <param name="DistanceKm">Straight-line km from the driver's position to the pickup.</param>
/// <param name="Repositioning">On the way to a reposition target (see <see cref="DispatchOptions.RepositioningPickupRadiusKm"/>).</param>
/// <param name="AcceptanceRate">The job acceptance rate the driver's performance record shows.</param>
/// <param name="Rating">The driver's passenger rating, [0, 5].</param>
public readonly record struct DispatchCandidate(
    string DriverId,
    string VehicleId,
    LatLng Position,
    double DistanceKm,
    bool Repositioning,
    double AcceptanceRate,
    double Rating);
