using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A driver's incentives (GET /api/incentives/{driverId}).</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="Day">The city's local date the totals are for.</param>
/// <param name="Currency">The currency of the amounts.</param>
/// <param name="PaidToday">Committed today.</param>
/// <param name="ReservedToday">Reserved for running offers.</param>
/// <param name="DailyCap">The most a driver may receive per day.</param>
/// <param name="RemainingToday">What is left of the cap.</param>
/// <param name="PaidTotal">Committed since the grid has known the driver.</param>
/// <param name="Offers">Recent offers, newest first.</param>
/// <param name="Awards">Quest and event awards, newest first.</param>
[GenerateSerializer, Alias("supplygrid.DriverIncentives"), Immutable]
public sealed record DriverIncentives(
    string DriverId,
    DateOnly Day,
    string Currency,
    decimal PaidToday,
    decimal ReservedToday,
    decimal DailyCap,
    decimal RemainingToday,
    decimal PaidTotal,
    IReadOnlyList<OfferView> Offers,
    IReadOnlyList<IncentiveAward> Awards);

/// <summary>A payment not tied to a reposition offer: a quest completed, for example (campaign to driver, one-way).</summary>
/// <param name="AwardId">Unique per award; a replayed award is paid once.</param>
/// <param name="CampaignId">The campaign that paid.</param>
/// <param name="Amount">Committed amount.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Reason">Why, in a few words.</param>
/// <param name="At">When it was committed.</param>
[GenerateSerializer, Alias("supplygrid.IncentiveAward"), Immutable]
public readonly record struct IncentiveAward(string AwardId, string CampaignId, decimal Amount, string Currency, string Reason, DateTimeOffset At);
