using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A ranked candidate with the reasons for its score.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="CandidateIndex">Position in the request's candidate list.</param>
/// <param name="Score">Weighted mean of the four component scores, in [0, 1]; higher is better.</param>
/// <param name="EtaMinutes">Estimated driving time to the pickup.</param>
/// <param name="EtaScore">exp(-ETA / scale), in (0, 1].</param>
/// <param name="AcceptanceScore">The acceptance rate.</param>
/// <param name="RatingScore">The rating between floor (0) and top (1).</param>
/// <param name="SupplyContextScore">0 when leaving puts the cell at or below the undersupplied ratio, 1 at or above the oversupplied ratio, log-linear between.</param>
/// <param name="CellRatioAfter">The driver's cell's ratio once the driver has left.</param>
/// <param name="Context">The supply context in words.</param>
[GenerateSerializer, Alias("supplygrid.OdrdScore"), Immutable]
public readonly record struct OdrdScore(
    string DriverId,
    int CandidateIndex,
    double Score,
    double EtaMinutes,
    double EtaScore,
    double AcceptanceScore,
    double RatingScore,
    double SupplyContextScore,
    double CellRatioAfter,
    SupplyContext Context);
