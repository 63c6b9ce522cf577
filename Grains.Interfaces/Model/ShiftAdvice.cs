using Orleans;
namespace SupplyGrid.Grains;

/// <summary>The coming hours with the best expected earnings in the driver's usual area.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="GeneratedAt">When computed.</param>
/// <param name="Currency">Currency of the earnings.</param>
/// <param name="AverageEarningsPerTrip">The driver's average (or the city default for a new driver).</param>
/// <param name="Cells">The usual cells the forecasts were summed over (hex).</param>
/// <param name="Suggestions">Best hours first.</param>
[GenerateSerializer, Alias("supplygrid.ShiftAdvice"), Immutable]
public sealed record ShiftAdvice(
    string DriverId,
    DateTimeOffset GeneratedAt,
    string Currency,
    decimal AverageEarningsPerTrip,
    IReadOnlyList<string> Cells,
    IReadOnlyList<ShiftSuggestion> Suggestions);
