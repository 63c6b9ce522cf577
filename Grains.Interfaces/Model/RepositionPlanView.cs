using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A cell's reposition plan (POST /api/suggest-reposition), with the driver grains' answers when it was sent.</summary>
/// <param name="Cell">The target cell (hex).</param>
/// <param name="Snapshot">The cell's figures the plan was made from.</param>
/// <param name="DriversNeeded">n = ceil(expected demand - drivers).</param>
/// <param name="TargetArrivals">The expected arrivals the offers must add (n minus pending arrivals).</param>
/// <param name="ExpectedArrivals">Sum of the chosen drivers' acceptance probabilities.</param>
/// <param name="SearchRadiusKm">The radius the candidates came from (0 when nothing was needed).</param>
/// <param name="Moves">The chosen moves, best first.</param>
/// <param name="Sent">True when the offers were sent to the drivers.</param>
[GenerateSerializer, Alias("supplygrid.RepositionPlanView"), Immutable]
public sealed record RepositionPlanView(
    string Cell,
    CellSnapshot Snapshot,
    int DriversNeeded,
    double TargetArrivals,
    double ExpectedArrivals,
    double SearchRadiusKm,
    IReadOnlyList<PlannedMove> Moves,
    bool Sent);

/// <summary>One move of a plan.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="SourceCell">Where the driver is (hex).</param>
/// <param name="DistanceKm">To the target's centre.</param>
/// <param name="TravelMinutes">Expected drive.</param>
/// <param name="AcceptanceProbability">Expected acceptance at the estimated amount.</param>
/// <param name="EstimatedAmount">The amount the plan expected (the campaign prices the final one).</param>
/// <param name="Decision">The driver grain's answer, when the plan was sent.</param>
[GenerateSerializer, Alias("supplygrid.PlannedMove"), Immutable]
public readonly record struct PlannedMove(
    string DriverId,
    string SourceCell,
    double DistanceKm,
    double TravelMinutes,
    double AcceptanceProbability,
    decimal EstimatedAmount,
    OfferDecision? Decision);
