using Orleans;
namespace SupplyGrid.Grains;

/// <summary>The driver grain's answer to a <see cref="RepositionOffer"/>.</summary>
/// <param name="OfferId">The offer asked about.</param>
/// <param name="Refusal"><see cref="OfferRefusal.None"/> when the offer was made (or had been made by the same request before).</param>
/// <param name="Amount">The reserved incentive; 0 when refused.</param>
/// <param name="Currency">The amount's currency; null when refused.</param>
/// <param name="AcceptanceProbability">The driver's expected acceptance of this offer at this amount; 0 when refused.</param>
/// <param name="ReplyBy">When the offer expires without a reply; null when refused.</param>
[GenerateSerializer, Alias("supplygrid.OfferDecision"), Immutable]
public readonly record struct OfferDecision(
    string OfferId,
    OfferRefusal Refusal,
    decimal Amount,
    string? Currency,
    double AcceptanceProbability,
    DateTimeOffset? ReplyBy)
{
    public bool Offered => Refusal == OfferRefusal.None;

    public static OfferDecision Refused(string offerId, OfferRefusal refusal) => new(offerId, refusal, 0m, null, 0, null);
}
