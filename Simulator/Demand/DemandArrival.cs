using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>One booking as demand produces it: when, from where, to where, and which source made it.</summary>
/// <param name="Source">The zone name, "elsewhere", the venue's name with " (arrivals)" or " (departures)", or "replay".</param>
public readonly record struct DemandArrival(DateTimeOffset Time, LatLng Pickup, LatLng Dropoff, string Source);
