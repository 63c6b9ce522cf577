using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>A completed trip, forwarded by the city to its running quests (one-way).</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="TripId">Counted once per quest however often it is replayed.</param>
/// <param name="PickupCell">Where the trip started.</param>
/// <param name="DropoffCell">Where it ended.</param>
/// <param name="EndedAt">When it ended: it counts if that is inside the quest's window.</param>
[GenerateSerializer, Alias("supplygrid.QuestTrip"), Immutable]
public readonly record struct QuestTrip(string DriverId, string TripId, H3Index PickupCell, H3Index DropoffCell, DateTimeOffset EndedAt);
