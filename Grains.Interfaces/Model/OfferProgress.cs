using Orleans;
namespace SupplyGrid.Grains;

/// <summary>An offer's transition, told one-way to the target cell so it counts the arrivals still to come.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="DriverId">Its driver.</param>
/// <param name="State">The state entered.</param>
/// <param name="AcceptanceProbability">The driver's expected acceptance of the offer (an arrival counts 1 once accepted).</param>
/// <param name="At">When.</param>
[GenerateSerializer, Alias("supplygrid.OfferProgress"), Immutable]
public readonly record struct OfferProgress(string OfferId, string DriverId, OfferState State, double AcceptanceProbability, DateTimeOffset At);
