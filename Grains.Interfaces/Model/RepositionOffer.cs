using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>
/// A request to the driver grain to offer its driver a move (cell to driver, request/response: the driver grain is
/// the arbiter and may refuse). The amount is priced when the campaign reserves it; the target figures travel with
/// the offer so the MDT message can show why it was made.
/// </summary>
[GenerateSerializer, Alias("supplygrid.RepositionOffer"), Immutable]
public sealed record RepositionOffer
{
    /// <summary>Unique per offer; a repeated request with the same id gets the first answer again.</summary>
    [Id(0)]
    public required string OfferId { get; init; }

    [Id(1)]
    public required string CityId { get; init; }

    /// <summary>The campaign whose budget funds the incentive.</summary>
    [Id(2)]
    public required string CampaignId { get; init; }

    [Id(3)]
    public required H3Index TargetCell { get; init; }

    [Id(4)]
    public required LatLng TargetCentre { get; init; }

    /// <summary>The target cell's smoothed supply when the offer was decided.</summary>
    [Id(5)]
    public required double TargetSupply { get; init; }

    /// <summary>The target cell's smoothed demand when the offer was decided.</summary>
    [Id(6)]
    public required double TargetDemand { get; init; }

    /// <summary>The target cell's ratio: the lower, the more urgent (and the larger the urgency part of the amount).</summary>
    [Id(7)]
    public required double TargetRatio { get; init; }

    [Id(8)]
    public OfferOrigin Origin { get; init; } = OfferOrigin.Cell;

    /// <summary>An operator's fixed amount (send-incentive); null: priced by the city's incentive policy.</summary>
    [Id(9)]
    public decimal? FixedAmount { get; init; }

    /// <summary>When the deficit was detected.</summary>
    [Id(10)]
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>The silo clock's timestamp at detection, for the decision-latency metric (deficit to MDT message).</summary>
    [Id(11)]
    public long DecisionTimestamp { get; init; }
}
