using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>A booking waiting for a driver.</summary>
/// <param name="Waited">How long since the booking was made.</param>
public readonly record struct DispatchRequest(string BookingId, DateTimeOffset Time, LatLng Pickup, LatLng Dropoff, TimeSpan Waited);
