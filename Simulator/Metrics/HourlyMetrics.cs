namespace SupplyGrid.Simulator;

/// <summary>The bookings made in one hour and how they fared (served later still counts for the hour it was made).</summary>
/// <param name="HourStart">UTC start of the hour.</param>
/// <param name="LocalHour">The city's local hour of day at <paramref name="HourStart"/>.</param>
/// <param name="ExpiredShort">Expired with fewer free drivers than waiting bookings around (<see cref="UnservedSupply.Short"/>).</param>
/// <param name="ServedPct">Served / bookings x 100; 0 for an hour without bookings.</param>
/// <param name="MeanPickupMinutes">Mean drive from assignment to pickup of the served bookings; 0 when none.</param>
/// <param name="MeanPickupKm">Mean straight-line km from the driver to the pickup at assignment; 0 when none.</param>
public sealed record HourlyMetrics(
    DateTimeOffset HourStart,
    int LocalHour,
    int Bookings,
    int Served,
    int Expired,
    int ExpiredShort,
    double ServedPct,
    double MeanPickupMinutes,
    double MeanPickupKm);
