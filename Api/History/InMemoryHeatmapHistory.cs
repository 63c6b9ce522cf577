using Microsoft.Extensions.Options;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Live;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.History;

/// <summary>
/// The last hours of every city, kept from the city change feed: per minute the city's KPIs and the figures of each
/// cell that changed in that minute. A cell without a change in a minute has no point for it (the PostgreSQL store,
/// written every minute by the cells, has one). Bounded by <see cref="HeatmapHistoryOptions.Retention"/> and
/// <see cref="HeatmapHistoryOptions.MaxCellsPerCity"/>.
/// </summary>
internal sealed class InMemoryHeatmapHistory(IOptions<HeatmapHistoryOptions> options) : IHeatmapHistory, ICityChangeListener
{
    private readonly HeatmapHistoryOptions _options = options.Value;
    private readonly Dictionary<string, CityRecord> _cities = new(StringComparer.Ordinal);
    private readonly Lock _citiesGate = new();

    public void OnCityChange(CityChange change)
    {
        var record = RecordOf(change.CityId);
        var minute = MinuteOf(change.At);
        var metrics = change.Metrics;
        lock (record.Gate)
        {
            if (minute > record.NewestMinute)
            {
                // Once a minute: drop what fell out of the retention window.
                record.NewestMinute = minute;
                record.Prune(minute - _options.Retention);
            }

            record.City.Record(minute, new CityHistoryPoint(minute, metrics.ActiveCells, metrics.DeficitCells, metrics.SurplusCells,
                metrics.Drivers, metrics.ExpectedDemand, metrics.OverallRatio));
            foreach (var zone in change.Zones)
            {
                if (!record.Cells.TryGetValue(zone.H3, out var series))
                {
                    if (record.Cells.Count >= _options.MaxCellsPerCity)
                        continue;
                    record.Cells[zone.H3] = series = new MinuteSeries<CellHistoryPoint>();
                }

                var zoneMinute = MinuteOf(zone.UpdatedAt);
                series.Record(zoneMinute, new CellHistoryPoint(zoneMinute, zone.Drivers, zone.Supply, zone.Demand, zone.ExpectedDemand,
                    zone.Ratio, zone.Status, zone.Surge));
            }
        }
    }

    public Task<IReadOnlyList<CityHistoryPoint>> GetCityAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var record = Find(cityId);
        if (record is null)
            return Task.FromResult<IReadOnlyList<CityHistoryPoint>>([]);
        lock (record.Gate)
            return Task.FromResult<IReadOnlyList<CityHistoryPoint>>(record.City.Between(from, to));
    }

    public Task<IReadOnlyList<CellHistoryPoint>> GetCellAsync(string cityId, string cell, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var record = Find(cityId);
        if (record is null)
            return Task.FromResult<IReadOnlyList<CellHistoryPoint>>([]);
        lock (record.Gate)
        {
            return Task.FromResult<IReadOnlyList<CellHistoryPoint>>(record.Cells.TryGetValue(cell, out var series)
                ? series.Between(from, to)
                : []);
        }
    }

    public Task<IReadOnlyList<SurgeZoneFigures>> GetSurgeZonesAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var record = Find(cityId);
        if (record is null)
            return Task.FromResult<IReadOnlyList<SurgeZoneFigures>>([]);
        var zones = new List<SurgeZoneFigures>();
        lock (record.Gate)
        {
            foreach (var (cell, series) in record.Cells)
            {
                if (Summarise(cell, series.Between(from, to)) is { } zone)
                    zones.Add(zone);
            }
        }

        return Task.FromResult<IReadOnlyList<SurgeZoneFigures>>(zones);
    }

    /// <summary>The cell's figures over its points, or null when it did not surge in any of them.</summary>
    private static SurgeZoneFigures? Summarise(string cell, CellHistoryPoint[] points)
    {
        int surging = 0;
        double surge = 0, unmet = 0, supply = 0, demand = 0;
        foreach (var point in points)
        {
            if (point.Surge > 1)
                surging++;
            surge += point.Surge;
            unmet += SurgeZoneFigures.UnmetShare(point.Supply, point.Demand);
            supply += point.Supply;
            demand += point.Demand;
        }

        var n = points.Length;
        return surging == 0 ? null : new SurgeZoneFigures(cell, n, surging, surge / n, unmet / n, supply / n, demand / n);
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    private CityRecord RecordOf(string cityId)
    {
        lock (_citiesGate)
        {
            if (!_cities.TryGetValue(cityId, out var record))
                _cities[cityId] = record = new CityRecord();
            return record;
        }
    }

    private CityRecord? Find(string cityId)
    {
        lock (_citiesGate)
            return _cities.GetValueOrDefault(cityId);
    }

    private sealed class CityRecord
    {
        public Lock Gate { get; } = new();

        public DateTimeOffset NewestMinute { get; set; } = DateTimeOffset.MinValue;

        public MinuteSeries<CityHistoryPoint> City { get; } = new();

        public Dictionary<string, MinuteSeries<CellHistoryPoint>> Cells { get; } = new(StringComparer.Ordinal);

        public void Prune(DateTimeOffset cutoff)
        {
            City.Prune(cutoff);
            foreach (var (cell, series) in Cells)
            {
                series.Prune(cutoff);
                if (series.Count == 0)
                    Cells.Remove(cell);
            }
        }
    }
}
