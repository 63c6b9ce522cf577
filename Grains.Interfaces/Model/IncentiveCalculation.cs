using Orleans;
namespace SupplyGrid.Grains;

/// <summary>What a move to a cell would pay a driver now (POST /api/incentives/calculate); nothing is reserved.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="TargetCell">H3 index, lowercase hex.</param>
/// <param name="CampaignId">The campaign that would fund it.</param>
/// <param name="DistanceKm">From the driver's position to the cell's centre.</param>
/// <param name="TargetRatio">The target cell's ratio.</param>
/// <param name="Tier">The driver's tier.</param>
/// <param name="Quote">The amount with its components and the limit that applied.</param>
/// <param name="AcceptanceProbability">The driver's expected acceptance at that amount.</param>
/// <param name="CampaignRemaining">The campaign's budget not spent or reserved.</param>
[GenerateSerializer, Alias("supplygrid.IncentiveCalculation"), Immutable]
public sealed record IncentiveCalculation(
    string DriverId,
    string TargetCell,
    string CampaignId,
    double DistanceKm,
    double TargetRatio,
    DriverTier Tier,
    IncentiveQuote Quote,
    double AcceptanceProbability,
    decimal CampaignRemaining);
