using Orleans;
namespace SupplyGrid.Grains.Ports;

/// <summary>
/// Live dashboard notifications: the city grain publishes the cells that changed since its last publication, with
/// the city's KPIs, at most once per publish interval. The silo fans them out to WebSocket / server-sent-event
/// connections. Implementations must not block: they are called inside a grain turn.
/// </summary>
public interface ICityChangeFeed
{
    void Publish(CityChange change);
}

/// <summary>What changed in a city since the previous publication.</summary>
/// <param name="CityId">The city.</param>
/// <param name="At">When published.</param>
/// <param name="Zones">Cells whose figures changed (new values).</param>
/// <param name="RetiredCells">Cells that went idle and left the heatmap (hex).</param>
/// <param name="Metrics">The city's KPIs now.</param>
[GenerateSerializer, Alias("supplygrid.CityChange"), Immutable]
public sealed record CityChange(string CityId, DateTimeOffset At, IReadOnlyList<HeatmapZone> Zones, IReadOnlyList<string> RetiredCells, CityMetrics Metrics);
