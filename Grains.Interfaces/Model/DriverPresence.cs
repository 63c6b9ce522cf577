using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>
/// What a driver grain tells the cell it is in (one-way) when it becomes available supply there, when something a
/// reposition plan looks at changes, and at least once a minute while it stays.
/// </summary>
/// <param name="DriverId">The driver.</param>
/// <param name="Position">The last trusted position.</param>
/// <param name="LastPingAt">Event time of the last ping the driver grain accepted.</param>
/// <param name="Performance">For the acceptance propensity and the tier bonus of an offer.</param>
/// <param name="IncentivesToday">Incentives paid or reserved for the driver today (city local day), for the daily cap.</param>
/// <param name="HasLiveOffer">The driver holds an offer that has not ended: not a candidate for another.</param>
[GenerateSerializer, Alias("supplygrid.DriverPresence"), Immutable]
public readonly record struct DriverPresence(
    string DriverId,
    LatLng Position,
    DateTimeOffset LastPingAt,
    DriverPerformance Performance,
    decimal IncentivesToday,
    bool HasLiveOffer);
