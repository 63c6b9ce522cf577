using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>One offer with its lifecycle, as the driver grain recorded it.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="CampaignId">The campaign funding it.</param>
/// <param name="TargetCell">H3 index (hex) of the target cell.</param>
/// <param name="TargetCentre">The target cell's centre.</param>
/// <param name="Amount">The reserved amount.</param>
/// <param name="Currency">The amount's currency.</param>
/// <param name="Paid">What was committed: the amount on time, half when late, 0 otherwise.</param>
/// <param name="State">Where the lifecycle stands.</param>
/// <param name="Outcome">How an accepted offer settled; null until it has.</param>
/// <param name="OfferedAt">When the offer was made.</param>
/// <param name="ReplyBy">When it expires without a reply.</param>
/// <param name="AcceptedAt">When the driver accepted.</param>
/// <param name="Transitions">Every transition, timestamped with its reason, oldest first.</param>
[GenerateSerializer, Alias("supplygrid.OfferView"), Immutable]
public sealed record OfferView(
    string OfferId,
    string CampaignId,
    string TargetCell,
    LatLng TargetCentre,
    decimal Amount,
    string Currency,
    decimal Paid,
    OfferState State,
    SettlementOutcome? Outcome,
    DateTimeOffset OfferedAt,
    DateTimeOffset ReplyBy,
    DateTimeOffset? AcceptedAt,
    IReadOnlyList<OfferTransition> Transitions)
{
    /// <summary>Offered or accepted: the offer is still running.</summary>
    public bool IsLive => State is OfferState.Offered or OfferState.Accepted;
}

/// <summary>One step of an offer's lifecycle.</summary>
/// <param name="State">The state entered.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, in a few words (e.g. "driver replied accept", "no reply by 10:42").</param>
[GenerateSerializer, Alias("supplygrid.OfferTransition"), Immutable]
public readonly record struct OfferTransition(OfferState State, DateTimeOffset At, string Reason);
