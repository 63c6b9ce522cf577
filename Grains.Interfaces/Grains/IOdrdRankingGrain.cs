using Orleans;

namespace SupplyGrid.Grains;

/// <summary>
/// Ranks dispatch candidates for a pickup (key: city id). A stateless worker: calls spread over one activation per
/// core, each asking the candidates' driver grains and cells in parallel.
/// </summary>
public interface IOdrdRankingGrain : IGrainWithStringKey
{
    Task<OdrdRanking> Rank(OdrdRankRequest request);
}
