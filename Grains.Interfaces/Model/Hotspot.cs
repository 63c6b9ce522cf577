using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>A cell in deficit, worst first (GET /api/hotspots/{city}, driver suggestions).</summary>
/// <param name="H3">H3 index, lowercase hex.</param>
/// <param name="Centre">The cell's centre.</param>
/// <param name="Ratio">Smoothed supply over smoothed demand.</param>
/// <param name="Status">Critical or undersupplied.</param>
/// <param name="DriversNeeded">ceil(expected demand - drivers).</param>
/// <param name="PendingArrivals">Expected arrivals from offers already running.</param>
/// <param name="Surge">The published surge multiplier.</param>
/// <param name="DistanceKm">From the point asked about, when one was given.</param>
/// <param name="UpdatedAt">When the cell last recomputed.</param>
[GenerateSerializer, Alias("supplygrid.Hotspot"), Immutable]
public readonly record struct Hotspot(
    string H3,
    LatLng Centre,
    double Ratio,
    SupplyStatus Status,
    int DriversNeeded,
    double PendingArrivals,
    double Surge,
    double? DistanceKm,
    DateTimeOffset UpdatedAt);
