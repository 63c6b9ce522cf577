using Orleans;
namespace SupplyGrid.Grains;

/// <summary>An offer's transition, told one-way to the city for its KPIs (offers by outcome, response time).</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="State">The state entered.</param>
/// <param name="At">When.</param>
/// <param name="ResponseSeconds">For a reply (accepted or declined): seconds from the offer to the reply.</param>
[GenerateSerializer, Alias("supplygrid.OfferOutcomeReport"), Immutable]
public readonly record struct OfferOutcomeReport(string OfferId, OfferState State, DateTimeOffset At, double? ResponseSeconds);
