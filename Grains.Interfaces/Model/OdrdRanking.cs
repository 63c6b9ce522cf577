using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>Rank these drivers for this pickup (POST /api/odrd/rank).</summary>
/// <param name="Pickup">The pickup point.</param>
/// <param name="DriverIds">Candidate drivers, each once; at most the city's ODRD maximum (200).</param>
[GenerateSerializer, Alias("supplygrid.OdrdRankRequest"), Immutable]
public sealed record OdrdRankRequest(LatLng Pickup, IReadOnlyList<string> DriverIds);

/// <summary>The ranked candidates, best first, and those that could not be ranked.</summary>
/// <param name="Pickup">The pickup point.</param>
/// <param name="At">When ranked.</param>
/// <param name="Ranked">Scores in [0, 1] with their reasons, best first.</param>
/// <param name="Unranked">Candidates the grid cannot send: unknown, not available, suspect position.</param>
[GenerateSerializer, Alias("supplygrid.OdrdRanking"), Immutable]
public sealed record OdrdRanking(LatLng Pickup, DateTimeOffset At, IReadOnlyList<OdrdScore> Ranked, IReadOnlyList<UnrankedDriver> Unranked);

/// <summary>A candidate left out of the ranking, and why.</summary>
[GenerateSerializer, Alias("supplygrid.UnrankedDriver"), Immutable]
public readonly record struct UnrankedDriver(string DriverId, string Reason);
