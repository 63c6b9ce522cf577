using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A city's KPIs (GET /api/metrics).</summary>
/// <param name="CityId">The city.</param>
/// <param name="At">When they were computed.</param>
/// <param name="Currency">The currency of the money figures.</param>
/// <param name="ActiveCells">Cells that reported within the last few ticks.</param>
/// <param name="DeficitCells">Of those, critical or undersupplied.</param>
/// <param name="SurplusCells">Of those, oversupplied.</param>
/// <param name="Drivers">Available drivers over all cells.</param>
/// <param name="ExpectedDemand">Expected demand over all cells.</param>
/// <param name="OverallRatio">Drivers over expected demand, city-wide.</param>
/// <param name="Offers">Offers by outcome since the city started counting.</param>
/// <param name="AcceptanceRate">Accepted over answered or expired offers; null before any.</param>
/// <param name="MeanResponseSeconds">Mean time from an offer to the driver's reply; null before any reply.</param>
/// <param name="Spent">Incentives committed by the city's campaigns.</param>
/// <param name="Reserved">Incentives reserved for running offers.</param>
/// <param name="ForecastMape">Mean of the cells' forecast errors; null before any was scored.</param>
[GenerateSerializer, Alias("supplygrid.CityMetrics"), Immutable]
public sealed record CityMetrics(
    string CityId,
    DateTimeOffset At,
    string Currency,
    int ActiveCells,
    int DeficitCells,
    int SurplusCells,
    int Drivers,
    double ExpectedDemand,
    double OverallRatio,
    OfferCounts Offers,
    double? AcceptanceRate,
    double? MeanResponseSeconds,
    decimal Spent,
    decimal Reserved,
    double? ForecastMape);

/// <summary>Offers by the state they reached.</summary>
[GenerateSerializer, Alias("supplygrid.OfferCounts"), Immutable]
public readonly record struct OfferCounts(long Sent, long Accepted, long Declined, long Expired, long Arrived, long Failed);
