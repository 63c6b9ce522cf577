using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>One driver as the engine knows them at an instant (ground truth, not what the grid has seen).</summary>
public sealed record DriverView(
    string DriverId,
    string VehicleId,
    DriverPhase Phase,
    DriverStatus Status,
    LatLng Position,
    int TripsCompleted);
