using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>Where a driver could go (GET /api/suggestions/{driverId}): nearby cells in deficit, and the live offer.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="At">When computed.</param>
/// <param name="LiveOffer">The offer still running, if any.</param>
/// <param name="Suggestions">Nearby deficit cells, best first.</param>
[GenerateSerializer, Alias("supplygrid.DriverSuggestions"), Immutable]
public sealed record DriverSuggestions(string DriverId, DateTimeOffset At, OfferView? LiveOffer, IReadOnlyList<RepositionSuggestion> Suggestions);

/// <summary>A deficit cell worth driving to.</summary>
/// <param name="TargetCell">H3 index, lowercase hex.</param>
/// <param name="Centre">The cell's centre.</param>
/// <param name="DistanceKm">From the driver.</param>
/// <param name="TravelMinutes">Expected drive.</param>
/// <param name="Ratio">The cell's ratio.</param>
/// <param name="Status">Its status.</param>
/// <param name="DriversNeeded">How many drivers it lacks.</param>
/// <param name="EstimatedAmount">What an offer would pay this driver there (not reserved).</param>
/// <param name="Currency">Its currency.</param>
[GenerateSerializer, Alias("supplygrid.RepositionSuggestion"), Immutable]
public readonly record struct RepositionSuggestion(
    string TargetCell,
    LatLng Centre,
    double DistanceKm,
    double TravelMinutes,
    double Ratio,
    SupplyStatus Status,
    int DriversNeeded,
    decimal EstimatedAmount,
    string Currency);
