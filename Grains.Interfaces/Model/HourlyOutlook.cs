using Orleans;
namespace SupplyGrid.Grains;

/// <summary>The forecast for one hour over a driver's usual cells (summed over those cells).</summary>
/// <param name="HourStart">The hour's start (UTC).</param>
/// <param name="ExpectedDemand">Bookings expected in the hour.</param>
/// <param name="ExpectedSupply">Available drivers expected on average during the hour.</param>
/// <param name="ForecastMape">The forecasts' running MAPE as a fraction (0.25 = 25%); 1 when unknown.</param>
/// <param name="ForecastSamples">Observations behind the hour's forecasts (fewest over its slots).</param>
[GenerateSerializer, Alias("supplygrid.HourlyOutlook"), Immutable]
public readonly record struct HourlyOutlook(
    DateTimeOffset HourStart,
    double ExpectedDemand,
    double ExpectedSupply,
    double ForecastMape,
    int ForecastSamples);
