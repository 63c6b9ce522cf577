using Orleans;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains;

/// <summary>What the grid knows about one driver.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="Known">False until the first usable ping.</param>
/// <param name="CityId">The city the driver is in; null outside every configured city.</param>
/// <param name="Status">The status of the last accepted ping.</param>
/// <param name="VehicleId">The vehicle of the last ping.</param>
/// <param name="Position">The last trusted position.</param>
/// <param name="Cell">H3 index (hex) of the last trusted position.</param>
/// <param name="LastPingAt">Event time of the last accepted ping.</param>
/// <param name="Available">Counted as supply: status available, no job assigned, position trusted and fresh.</param>
/// <param name="Suspect">The last ping was an impossible jump from the trusted position.</param>
/// <param name="Performance">The track record.</param>
/// <param name="Tier">The tier the record earns.</param>
/// <param name="Today">Today's figures (city local day).</param>
/// <param name="LiveOffer">The offer still running, if any.</param>
/// <param name="RecentOffers">The most recent offers, newest first.</param>
[GenerateSerializer, Alias("supplygrid.DriverView"), Immutable]
public sealed record DriverView(
    string DriverId,
    bool Known,
    string? CityId,
    DriverStatus? Status,
    string? VehicleId,
    LatLng? Position,
    string? Cell,
    DateTimeOffset? LastPingAt,
    bool Available,
    bool Suspect,
    DriverPerformance Performance,
    DriverTier Tier,
    DriverDay Today,
    OfferView? LiveOffer,
    IReadOnlyList<OfferView> RecentOffers);

/// <summary>A driver's figures for one local day.</summary>
/// <param name="Day">The city's local date.</param>
/// <param name="Trips">Trips completed.</param>
/// <param name="Earnings">The driver's share of the fares.</param>
/// <param name="OnlineMinutes">Minutes online (any status but offline), from the pings.</param>
/// <param name="IncentivesPaid">Incentives committed.</param>
/// <param name="IncentivesReserved">Incentives reserved for running offers.</param>
[GenerateSerializer, Alias("supplygrid.DriverDay"), Immutable]
public readonly record struct DriverDay(
    DateOnly Day,
    int Trips,
    decimal Earnings,
    double OnlineMinutes,
    decimal IncentivesPaid,
    decimal IncentivesReserved)
{
    /// <summary>What counts against the daily cap: paid plus reserved.</summary>
    public decimal IncentivesCommittedOrReserved => IncentivesPaid + IncentivesReserved;
}
