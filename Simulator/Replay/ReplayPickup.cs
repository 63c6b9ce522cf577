using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>One recorded pickup: when (UTC), where, where to when the data says, and the dispatching base if any.</summary>
public readonly record struct ReplayPickup(DateTimeOffset Time, LatLng Pickup, LatLng? Dropoff, string? Base);
