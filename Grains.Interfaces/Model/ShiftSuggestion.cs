using Orleans;
namespace SupplyGrid.Grains;

/// <summary>One hour worth driving.</summary>
/// <param name="HourStart">The hour's start (UTC).</param>
/// <param name="ExpectedTrips">Trips the driver can expect in the hour.</param>
/// <param name="ExpectedEarnings">Expected trips x average earnings per trip, rounded to cents.</param>
/// <param name="Confidence">0..1, from the forecast's error and sample count.</param>
[GenerateSerializer, Alias("supplygrid.ShiftSuggestion"), Immutable]
public readonly record struct ShiftSuggestion(DateTimeOffset HourStart, double ExpectedTrips, decimal ExpectedEarnings, double Confidence);
